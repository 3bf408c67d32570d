package io.ankirag.bootstrap.it;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Wipes the test database once per test JVM and migrates it from scratch, so every run starts from the same
 * empty schema whatever earlier runs left; later Spring contexts in the same JVM only migrate.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FreshDatabase {

    private static final AtomicBoolean CLEANED = new AtomicBoolean();

    @Bean
    FlywayMigrationStrategy cleanOnceThenMigrate() {
        return flyway -> {
            if (CLEANED.compareAndSet(false, true)) {
                flyway.clean();
            }
            flyway.migrate();
        };
    }
}
