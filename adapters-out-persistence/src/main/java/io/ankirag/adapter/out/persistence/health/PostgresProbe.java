package io.ankirag.adapter.out.persistence.health;

import io.ankirag.application.port.out.health.ProbeDatabasePort;
import java.sql.Connection;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

@Component
class PostgresProbe implements ProbeDatabasePort {

    private static final int TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;

    PostgresProbe(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean databaseReachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(TIMEOUT_SECONDS);
        } catch (Exception unreachable) {
            return false;
        }
    }
}
