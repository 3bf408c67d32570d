package io.ankirag.agent.work;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ankirag.domain.error.ErrorCode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Sends AnkiConnect's {@code version} action (protocol 6, with the key when one is set). */
public final class AnkiConnectVersionProbe implements AnkiProbe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final String key;
    private final HttpClient http;
    private final Duration timeout;

    public AnkiConnectVersionProbe(URI url, String key, HttpClient http, Duration timeout) {
        this.url = url;
        this.key = key;
        this.http = http;
        this.timeout = timeout;
    }

    @Override
    public int version() {
        ObjectNode request = JSON.createObjectNode().put("action", "version").put("version", 6);
        if (key != null) {
            request.put("key", key);
        }
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(url).timeout(timeout)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(request.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AnkiUnavailableException(ErrorCode.SYNC_001, "AnkiConnect does not answer at " + url
                    + " (is Anki open with the AnkiConnect add-on?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnkiUnavailableException(ErrorCode.SYNC_001, "Interrupted while asking AnkiConnect", e);
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AnkiUnavailableException(ErrorCode.SYNC_003, "Something that is not AnkiConnect answers at " + url, e);
        }
        if (answer.isInt()) {
            // Protocol 4 and older answer the bare result.
            throw new AnkiUnavailableException(ErrorCode.SYNC_003, "AnkiConnect at " + url + " speaks protocol " + answer.asInt()
                    + "; update the add-on (protocol 6 is needed)", null);
        }
        if (answer.hasNonNull("error")) {
            throw new AnkiUnavailableException(ErrorCode.SYNC_004, "AnkiConnect refused us: " + answer.get("error").asText()
                    + (key == null ? " (does it want an API key? set ANKICONNECT_KEY)" : ""), null);
        }
        int version = answer.path("result").asInt(-1);
        if (version < 6) {
            throw new AnkiUnavailableException(ErrorCode.SYNC_003, "AnkiConnect at " + url + " speaks protocol " + version
                    + "; update the add-on (protocol 6 is needed)", null);
        }
        return version;
    }
}
