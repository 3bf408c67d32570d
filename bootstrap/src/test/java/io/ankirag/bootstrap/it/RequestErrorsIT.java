package io.ankirag.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bad input answers with a clean 4xx problem and an error code, never a stack trace. */
@IntegrationTest
class RequestErrorsIT {

    /** The test profile caps JSON bodies at 64 KB. */
    private static final int OVER_LIMIT = 80 * 1024;

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    @Test
    void malformedJsonIsABadRequest() {
        var response = api.postRaw("/api/auth/register", "application/json", BodyPublishers.ofString("{\"email\": \"a@b.c\", "));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("REQ_001");
        assertThat(response.raw().body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void unknownFieldIsABadRequest() {
        var response = api.post("/api/auth/register", ApiClient.body("email", Accounts.uniqueEmail(), "password", "long-enough-1", "role", "admin"), null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("REQ_001");
    }

    @Test
    void invalidFieldsAreListed() {
        var response = api.post("/api/auth/register", ApiClient.body("email", "", "password", ""), null);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("REQ_002");
        assertThat(response.body().path("errors").has("email")).isTrue();
        assertThat(response.body().path("errors").has("password")).isTrue();
    }

    @Test
    void domainValidationUsesTheSameCode() {
        var response = api.post("/api/auth/register", ApiClient.body("email", "not-an-email", "password", "short"), null);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("REQ_002");
    }

    @Test
    void oversizedBodyIsRefusedBeforeReading() {
        String huge = "{\"email\":\"" + "a".repeat(OVER_LIMIT) + "@example.com\",\"password\":\"long-enough-1\"}";

        var response = api.postRaw("/api/auth/register", "application/json", BodyPublishers.ofString(huge));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.code()).isEqualTo("REQ_003");
    }

    @Test
    void oversizedChunkedBodyIsCutOff() {
        byte[] huge = ("{\"email\":\"" + "a".repeat(OVER_LIMIT) + "@example.com\",\"password\":\"long-enough-1\"}").getBytes();

        var response = api.postRaw("/api/auth/register", "application/json", ApiClient.chunked(() -> new ByteArrayInputStream(huge)));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.code()).isEqualTo("REQ_003");
    }

    @Test
    void wrongContentTypeIsRefused() {
        var response = api.postRaw("/api/auth/login", "text/plain", BodyPublishers.ofString("hello"));

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.code()).isEqualTo("REQ_006");
    }

    @Test
    void wrongMethodIsRefused() {
        var session = new Accounts(api).register();

        var response = api.delete("/api/health", session.accessToken());

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.code()).isEqualTo("REQ_005");
    }

    @Test
    void unknownRouteIsNotFoundForSignedInUsers() {
        var session = new Accounts(api).register();

        var response = api.get("/api/no-such-thing", session.accessToken());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("REQ_004");
    }
}
