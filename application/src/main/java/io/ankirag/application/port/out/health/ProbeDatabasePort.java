package io.ankirag.application.port.out.health;

public interface ProbeDatabasePort {

    /** Answers within a second or two; {@code false} rather than an exception when the database is away. */
    boolean databaseReachable();
}
