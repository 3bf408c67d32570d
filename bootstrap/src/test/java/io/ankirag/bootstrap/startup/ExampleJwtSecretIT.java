package io.ankirag.bootstrap.startup;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ankirag.bootstrap.AnkiRagApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Outside the dev profile the server must refuse the example JWT secret: anyone could forge tokens with it. */
class ExampleJwtSecretIT {

    // Secrets go in as command-line arguments: they outrank application.yml, as JWT_SECRET_KEY does in production.

    @Test
    void productionProfileRefusesToStartWithTheExampleSecret() {
        var app = new SpringApplicationBuilder(AnkiRagApplication.class)
                .profiles("prod")
                .properties(
                        "server.port=0",
                        "spring.datasource.url=jdbc:postgresql://127.0.0.1:${DB_PORT:5434}/${DB_TEST_NAME:ankirag_test}",
                        "spring.flyway.enabled=false");

        assertThatThrownBy(() -> app.run("--ankirag.jwt.secret-key=your-secret-key-change-in-production"))
                .rootCause()
                .hasMessageContaining("JWT_SECRET_KEY is still the example value");
    }

    @Test
    void tooShortSecretIsRefusedWithAdvice() {
        var app = new SpringApplicationBuilder(AnkiRagApplication.class)
                .profiles("prod")
                .properties(
                        "server.port=0",
                        "spring.datasource.url=jdbc:postgresql://127.0.0.1:${DB_PORT:5434}/${DB_TEST_NAME:ankirag_test}",
                        "spring.flyway.enabled=false");

        assertThatThrownBy(() -> app.run("--ankirag.jwt.secret-key=short"))
                .rootCause()
                .hasMessageContaining("at least 32 bytes");
    }
}
