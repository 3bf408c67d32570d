package io.ankirag.agent.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ankirag.agent.token.RefreshTokenStore;
import io.ankirag.agent.token.TokenStoreException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The agent's login at one AnkiRAG server. Email and password are sent once ({@code POST /api/auth/login}); from then
 * on only the refresh token is kept, in the {@link RefreshTokenStore}. Access tokens stay in memory and are renewed
 * silently ({@code POST /api/auth/refresh}) shortly before they expire or after a 401; refresh tokens rotate, so each
 * new one replaces the stored one at once. A refresh the server refuses clears the store and throws
 * {@link LoginRequiredException}.
 */
public final class ServerSession {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Renew this long before the access token's stated expiry, so that a request never races it. */
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

    private final URI serverUrl;
    private final RefreshTokenStore tokens;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Clock clock;
    private String accessToken;
    private Instant accessTokenExpires = Instant.MIN;

    public ServerSession(URI serverUrl, RefreshTokenStore tokens, HttpClient http, Duration requestTimeout, Clock clock) {
        this.serverUrl = serverUrl;
        this.tokens = tokens;
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.clock = clock;
    }

    public URI serverUrl() {
        return serverUrl;
    }

    public RefreshTokenStore tokenStore() {
        return tokens;
    }

    /** Whether a login is stored; one that cannot be read (copied from another machine, altered) is dropped. */
    public boolean hasStoredLogin() {
        try {
            return tokens.load().isPresent();
        } catch (TokenStoreException unreadable) {
            tokens.clear();
            return false;
        }
    }

    /** Logs in with email and password; the password is not kept. */
    public synchronized void logIn(String email, char[] password) {
        ObjectNode body = JSON.createObjectNode().put("email", email).put("password", new String(password));
        HttpResponse<String> response = send(post("/api/auth/login", body));
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new LoginRequiredException("The server refused the login: " + problemDetail(response));
        }
        accept(expectOk(response));
    }

    /** Revokes the login on the server (best effort) and forgets it here. */
    public synchronized void logOut() {
        Optional<String> refresh = tokens.load();
        tokens.clear();
        accessToken = null;
        accessTokenExpires = Instant.MIN;
        refresh.ifPresent(token -> {
            try {
                send(post("/api/auth/logout", JSON.createObjectNode().put("refresh_token", token)));
            } catch (ServerUnreachableException offline) {
                // forgotten here; the server lets it expire
            }
        });
    }

    /** GETs a path of the API as the logged-in user; the body is JSON. */
    public JsonNode get(String path) {
        return authorized(() -> HttpRequest.newBuilder(uri(path)).timeout(requestTimeout).GET());
    }

    /** GETs a file of the API as the logged-in user. */
    public byte[] getBytes(String path) {
        HttpResponse<byte[]> response = authorizedBytes(
                () -> HttpRequest.newBuilder(uri(path)).timeout(requestTimeout).GET());
        if (response.statusCode() / 100 != 2) {
            JsonNode problem = parse(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
            throw new ServerRequestException(response.statusCode(), problem.path("code").asText(null),
                    problem.path("detail").asText(null));
        }
        return response.body();
    }

    /** POSTs JSON to a path of the API as the logged-in user; the answer's JSON, or a null node for an empty body. */
    public JsonNode post(String path, JsonNode body, Duration timeout) {
        return authorized(() -> HttpRequest.newBuilder(uri(path)).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Makes sure an access token is at hand (refreshing if needed): the check that the server takes our login. */
    public void authenticate() {
        currentAccessToken();
    }

    private JsonNode authorized(RequestFactory request) {
        HttpResponse<String> response = send(request.create()
                .header("Authorization", "Bearer " + currentAccessToken()).build());
        if (response.statusCode() == 401) {
            synchronized (this) {
                accessToken = null;
            }
            response = send(request.create().header("Authorization", "Bearer " + currentAccessToken()).build());
        }
        if (response.statusCode() == 401) {
            throw new LoginRequiredException("The server refused a fresh access token: " + problemDetail(response));
        }
        return expectOk(response);
    }

    private HttpResponse<byte[]> authorizedBytes(RequestFactory request) {
        HttpResponse<byte[]> response = sendBytes(request.create()
                .header("Authorization", "Bearer " + currentAccessToken()).build());
        if (response.statusCode() == 401) {
            synchronized (this) {
                accessToken = null;
            }
            response = sendBytes(request.create().header("Authorization", "Bearer " + currentAccessToken()).build());
        }
        if (response.statusCode() == 401) {
            throw new LoginRequiredException("The server refused a fresh access token.");
        }
        return response;
    }

    private HttpResponse<byte[]> sendBytes(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() >= 500) {
                throw new ServerUnreachableException("The server answered " + response.statusCode() + " to "
                        + request.method() + " " + request.uri().getPath(), null);
            }
            return response;
        } catch (IOException e) {
            throw new ServerUnreachableException("Cannot reach " + serverUrl + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException("Interrupted while talking to " + serverUrl, e);
        }
    }

    private synchronized String currentAccessToken() {
        if (accessToken != null && clock.instant().isBefore(accessTokenExpires.minus(EXPIRY_MARGIN))) {
            return accessToken;
        }
        String refresh = tokens.load().orElseThrow(() -> new LoginRequiredException("Not logged in."));
        HttpResponse<String> response = send(post("/api/auth/refresh",
                JSON.createObjectNode().put("refresh_token", refresh)));
        if (response.statusCode() == 401 || response.statusCode() == 403 || response.statusCode() == 400) {
            tokens.clear();
            throw new LoginRequiredException("The server no longer accepts this agent's login ("
                    + problemDetail(response) + "); log in again.");
        }
        accept(expectOk(response));
        return accessToken;
    }

    private void accept(JsonNode tokenResponse) {
        String access = tokenResponse.path("access_token").asText(null);
        String refresh = tokenResponse.path("refresh_token").asText(null);
        if (access == null || refresh == null) {
            throw new ServerRequestException(200, null, "the token answer has no access_token or refresh_token");
        }
        tokens.save(refresh);
        accessToken = access;
        accessTokenExpires = clock.instant().plusSeconds(tokenResponse.path("expires_in").asLong(60));
    }

    /** The API path under the server URL, which may have a path of its own (a server behind a proxy's prefix). */
    private URI uri(String path) {
        return URI.create(serverUrl + path);
    }

    private HttpRequest post(String path, JsonNode body) {
        return HttpRequest.newBuilder(uri(path)).timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500) {
                throw new ServerUnreachableException("The server answered " + response.statusCode() + " to "
                        + request.method() + " " + request.uri().getPath() + ": " + problemDetail(response), null);
            }
            return response;
        } catch (IOException e) {
            throw new ServerUnreachableException("Cannot reach " + serverUrl + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException("Interrupted while talking to " + serverUrl, e);
        }
    }

    private static JsonNode expectOk(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            JsonNode problem = parse(response.body());
            throw new ServerRequestException(response.statusCode(), problem.path("code").asText(null),
                    problem.path("detail").asText(null));
        }
        return parse(response.body());
    }

    private static String problemDetail(HttpResponse<String> response) {
        JsonNode problem = parse(response.body());
        String code = problem.path("code").asText(null);
        String detail = problem.path("detail").asText(null);
        return code == null && detail == null ? "HTTP " + response.statusCode()
                : (code == null ? "" : code + ": ") + (detail == null ? "" : detail);
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.nullNode();
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @FunctionalInterface
    private interface RequestFactory {
        HttpRequest.Builder create();
    }
}
