package io.ankirag.bootstrap.it;

import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * For tests that configure another embedding model: registering it would start a model switch in the shared test
 * schema, under every other test's feet. Such tests run the application in a PostgreSQL schema of their own in the
 * test database; importing this configuration wipes it when the application starts.
 */
@TestConfiguration(proxyBeanMethods = false)
class OwnSchema {

    /** The test database with {@code schema} first on the search path (pgvector's types stay found in public). */
    static String url(String schema) {
        return "jdbc:postgresql://" + env("DB_HOST", "127.0.0.1") + ":" + env("DB_PORT", "5434") + "/"
                + env("DB_TEST_NAME", "ankirag_test") + "?currentSchema=" + schema + ",public";
    }

    static void use(DynamicPropertyRegistry registry, String schema) {
        registry.add("spring.datasource.url", () -> url(schema));
        registry.add("spring.flyway.schemas", () -> schema);
        // V4's CREATE EXTENSION would otherwise put pg_trgm into this schema when a fresh database meets an
        // own-schema test first, and the shared schema's migration would then miss its operator classes.
        registry.add("spring.flyway.init-sqls", () -> "CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public");
    }

    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
        return flyway -> {
            flyway.clean();
            flyway.migrate();
        };
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
