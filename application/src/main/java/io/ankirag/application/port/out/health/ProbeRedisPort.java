package io.ankirag.application.port.out.health;

public interface ProbeRedisPort {

    /** Answers within a second or two; {@code false} rather than an exception when Redis is away. */
    boolean redisReachable();
}
