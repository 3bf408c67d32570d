package io.ankirag.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class HealthAndDocsIT {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    @Test
    void healthReportsEveryComponent() {
        var health = api.get("/api/health", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("healthy");
        assertThat(health.text("database")).isEqualTo("ok");
        assertThat(health.text("redis")).isEqualTo("ok");
        assertThat(health.body().has("event_processors")).isTrue();
    }

    @Test
    void openApiDocumentDescribesTheApi() {
        var document = api.get("/api/openapi.json", null);

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body().path("paths").has("/api/auth/register")).isTrue();
        assertThat(document.body().path("paths").has("/api/users/me")).isTrue();
        assertThat(document.body().path("components").path("securitySchemes").has("bearer")).isTrue();
        assertThat(document.body().path("components").path("schemas").path("RegisterRequest").path("properties").has("display_name")).isTrue();
    }

    @Test
    void swaggerUiIsServed() throws Exception {
        var client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

        var page = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/docs")).build(), BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
    }

    @Test
    void landingPageIsServedAtTheRoot() throws Exception {
        var page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(), BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("AnkiRAG");
    }
}
