package io.ankirag.agent.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The AnkiRAG server's auth as the agent sees it, over real HTTP: {@code /api/auth/login}, {@code /refresh} (refresh
 * tokens rotate and each works once, as on the real server), {@code /logout}, plus whatever protected JSON routes a
 * test adds. Access tokens can be expired or all sessions revoked at will.
 */
public final class FakeAnkiRagServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer http;
    private final String email;
    private final String password;
    private final Set<String> validAccessTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> validRefreshTokens = ConcurrentHashMap.newKeySet();
    private final Map<Pattern, Function<Request, Object>> routes = new ConcurrentHashMap<>();
    public final List<String> requests = new CopyOnWriteArrayList<>();
    public final AtomicInteger refreshes = new AtomicInteger();
    private volatile long expiresIn = 900;

    public FakeAnkiRagServer(String email, String password) throws IOException {
        this.email = email;
        this.password = password;
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", this::handle);
        http.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    /** What a protected route is asked: the path's regex groups, the query's parameters, the JSON body. */
    public record Request(List<String> groups, Map<String, String> query, JsonNode body) {
    }

    /**
     * A protected route, {@code "POST /api/things/([^/]+)/done"}: the handler answers a {@link JsonNode} (200), a
     * {@code byte[]} (200, a file), or an {@link Integer} status with no body.
     */
    public void route(String methodAndPathRegex, Function<Request, Object> handler) {
        routes.put(Pattern.compile(methodAndPathRegex), handler);
    }

    /** Access tokens minted from now on say they last this long. */
    public void accessTokensLast(long seconds) {
        expiresIn = seconds;
    }

    /** Every access token stops working, as after its 15 minutes; refresh tokens still work. */
    public void expireAccessTokens() {
        validAccessTokens.clear();
    }

    /** Every session ends, as after a password change or an administrator's deactivation. */
    public void revokeAllSessions() {
        validAccessTokens.clear();
        validRefreshTokens.clear();
    }

    public boolean knowsRefreshToken(String token) {
        return validRefreshTokens.contains(token);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        requests.add(route);
        byte[] bodyBytes = exchange.getRequestBody().readAllBytes();
        JsonNode body = bodyBytes.length == 0 ? JSON.nullNode() : JSON.readTree(bodyBytes);
        try {
            switch (route) {
                case "POST /api/auth/login" -> {
                    if (email.equals(body.path("email").asText()) && password.equals(body.path("password").asText())) {
                        answer(exchange, 200, tokens());
                    } else {
                        answer(exchange, 401, problem("AUTH_001", "Wrong email or password"));
                    }
                }
                case "POST /api/auth/refresh" -> {
                    refreshes.incrementAndGet();
                    if (validRefreshTokens.remove(body.path("refresh_token").asText())) {
                        answer(exchange, 200, tokens());
                    } else {
                        answer(exchange, 401, problem("AUTH_002", "Refresh token invalid or expired"));
                    }
                }
                case "POST /api/auth/logout" -> {
                    validRefreshTokens.remove(body.path("refresh_token").asText());
                    answer(exchange, 200, JSON.createObjectNode().put("message", "Successfully logged out"));
                }
                default -> {
                    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                    if (authorization == null || !validAccessTokens.contains(authorization.replace("Bearer ", ""))) {
                        answer(exchange, 401, problem("AUTH_002", "Token invalid or expired"));
                        return;
                    }
                    for (Map.Entry<Pattern, Function<Request, Object>> candidate : routes.entrySet()) {
                        Matcher matcher = candidate.getKey().matcher(route);
                        if (matcher.matches()) {
                            List<String> groups = new ArrayList<>();
                            for (int i = 1; i <= matcher.groupCount(); i++) {
                                groups.add(matcher.group(i));
                            }
                            Object result = candidate.getValue().apply(new Request(groups,
                                    query(exchange.getRequestURI().getRawQuery()), body));
                            switch (result) {
                                case Integer status -> answer(exchange, status, null);
                                case byte[] file -> {
                                    exchange.sendResponseHeaders(200, file.length);
                                    exchange.getResponseBody().write(file);
                                    exchange.close();
                                }
                                default -> answer(exchange, 200, (JsonNode) result);
                            }
                            return;
                        }
                    }
                    answer(exchange, 404, problem("REQ_004", route));
                }
            }
        } catch (RuntimeException e) {
            answer(exchange, 500, problem("SYS_001", e.toString()));
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new java.util.HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private ObjectNode tokens() {
        String access = "at-" + UUID.randomUUID();
        String refresh = "rt-" + UUID.randomUUID();
        validAccessTokens.add(access);
        validRefreshTokens.add(refresh);
        return JSON.createObjectNode().put("access_token", access).put("refresh_token", refresh)
                .put("token_type", "bearer").put("expires_in", expiresIn);
    }

    private static ObjectNode problem(String code, String detail) {
        return JSON.createObjectNode().put("code", code).put("detail", detail);
    }

    private static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
