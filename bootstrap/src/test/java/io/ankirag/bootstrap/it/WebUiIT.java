package io.ankirag.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The browser app is served at / from the same port as the API, with history-mode routing. */
@IntegrationTest
class WebUiIT extends HttpApiTestBase {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void rootServesTheApp() throws Exception {
        var page = fetch("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<div id=\"app\"></div>").contains("<title>AnkiRAG</title>");
    }

    @Test
    void aScreenOfTheAppOpensFromItsAddress() throws Exception {
        var page = fetch("/cards/0b6f3c1e-2f3a-4c59-9d1e-000000000042");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<div id=\"app\"></div>");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
    }

    @Test
    void unknownApiRoutesStayProblemsNotTheApp() {
        var session = accounts.register();

        var response = api.get("/api/no-such-thing", session.accessToken());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("REQ_004");
    }

    @Test
    void aMissingFileIsNotFoundRatherThanTheApp() throws Exception {
        var missing = fetch("/assets/missing-0000.js");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).doesNotContain("<div id=\"app\">").contains("REQ_004");
    }

    @Test
    void hashedAssetsAreCachedForAYear() throws Exception {
        var index = fetch("/").body();
        var script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(index);
        assertThat(script.find()).as("index.html names its script").isTrue();

        var asset = fetch(script.group(1));

        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Cache-Control")).hasValueSatisfying(value ->
                assertThat(value).contains("max-age=31536000").contains("immutable"));
    }

    /**
     * Writes the live OpenAPI document to target/openapi.json ({@code npm run api:pull -- ../bootstrap/target/openapi.json}
     * refreshes the UI's copy from it) and checks that every operation the UI's client was generated from still exists.
     */
    @Test
    void everyOperationTheUiClientKnowsIsStillServed() throws Exception {
        var live = api.get("/api/openapi.json", null).body();
        Files.writeString(Path.of("target", "openapi.json"), live.toPrettyString());
        var checkedIn = new ObjectMapper().readTree(Path.of(System.getProperty("webui.dir", "../web-ui"), "openapi.json").toFile());

        List<String> gone = new ArrayList<>();
        checkedIn.path("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (!live.path("paths").path(path.getKey()).has(method)) {
                gone.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        assertThat(gone).as("operations in web-ui/openapi.json that the server no longer has").isEmpty();
    }

    private HttpResponse<String> fetch(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), BodyHandlers.ofString());
    }
}
