package io.ankirag.adapter.out.llm.call;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP client under langchain4j's chat models, on the JDK's HttpClient, in place of langchain4j's own
 * {@code JdkHttpClient} for three reasons:
 * <ul>
 *   <li>the timeout also bounds the silence inside an answer body, not only the wait for its headers, so a stream
 *       that stalls half-way fails instead of hanging (see {@link IdleTimeoutInputStream});</li>
 *   <li>an error status keeps its {@code Retry-After} ({@link LlmHttpException});</li>
 *   <li>a stream is read on the caller's thread, so a streamed call returns only once its stream is over and a
 *       stream that ends without its closing event is noticed by the caller rather than never reported.</li>
 * </ul>
 * langchain4j still builds the requests and parses the answers of each provider.
 */
public final class LlmHttpClient implements HttpClient {

    private static final Logger log = LoggerFactory.getLogger(LlmHttpClient.class);
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final java.net.http.HttpClient http;
    private final Duration timeout;

    private LlmHttpClient(Duration connectTimeout, Duration timeout) {
        this.http = java.net.http.HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        this.timeout = timeout;
    }

    /** A builder for langchain4j's {@code httpClientBuilder(...)}; the model sets both timeouts from its own. */
    public static HttpClientBuilder builder(Duration timeout) {
        return new Builder(timeout);
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        HttpResponse<InputStream> response = open(request);
        try (InputStream body = new IdleTimeoutInputStream(response.body(), timeout)) {
            return successful(response, body.readAllBytes());
        } catch (HttpTimeoutException silent) {
            throw new TimeoutException(silent);
        } catch (IOException broken) {
            throw new UncheckedIOException(broken);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        HttpResponse<InputStream> response;
        try {
            response = open(request);
        } catch (RuntimeException failed) {
            quietly(() -> listener.onError(failed));
            return;
        }
        ErrorTrackingListener tracking = new ErrorTrackingListener(listener);
        try (InputStream body = new IdleTimeoutInputStream(response.body(), timeout)) {
            quietly(() -> listener.onOpen(successful(response, null)));
            parser.parse(body, tracking);
        } catch (IOException | RuntimeException failed) {
            tracking.onError(failed);
        }
        if (!tracking.failed) {
            quietly(listener::onClose);
        }
    }

    /** Sends the request and returns once a 2xx answer's headers are in; any other status is thrown. */
    private HttpResponse<InputStream> open(HttpRequest request) {
        java.net.http.HttpRequest.Builder jdk = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(timeout)
                .method(request.method().name(), request.body() == null
                        ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
        request.headers().forEach((name, values) -> {
            if (values != null) {
                values.forEach(value -> jdk.header(name, value));
            }
        });
        HttpResponse<InputStream> response;
        try {
            response = http.send(jdk.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException noAnswer) {
            throw new TimeoutException(noAnswer);
        } catch (IOException unreachable) {
            throw new UncheckedIOException(unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + request.url(), interrupted);
        }
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            throw new LlmHttpException(status, errorBody(response), retryAfter(response).orElse(null));
        }
        return response;
    }

    private String errorBody(HttpResponse<InputStream> response) {
        try (InputStream body = new IdleTimeoutInputStream(response.body(), timeout)) {
            return new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return "(the error body could not be read: " + unreadable.getMessage() + ")";
        }
    }

    /** {@code Retry-After} in seconds or as an HTTP date; OpenAI also sends {@code retry-after-ms}. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> millis = response.headers().firstValue("retry-after-ms");
        if (millis.isPresent()) {
            try {
                return Optional.of(Duration.ofMillis(Math.max(0, (long) Double.parseDouble(millis.get().strip()))));
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        return response.headers().firstValue("retry-after").flatMap(LlmHttpClient::parseRetryAfter);
    }

    static Optional<Duration> parseRetryAfter(String value) {
        String v = value.strip();
        try {
            return Optional.of(Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(v) * 1000))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static SuccessfulHttpResponse successful(HttpResponse<?> response, byte[] body) {
        return SuccessfulHttpResponse.builder()
                .statusCode(response.statusCode())
                .headers(response.headers().map())
                .body(body)
                .build();
    }

    private static void quietly(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.warn("An LLM stream listener failed; ignored as langchain4j's own client does", e);
        }
    }

    /** Remembers whether the stream failed, so that a failed stream is not also reported as closed. */
    private static final class ErrorTrackingListener implements ServerSentEventListener {

        private final ServerSentEventListener delegate;
        private volatile boolean failed;

        ErrorTrackingListener(ServerSentEventListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public void onOpen(SuccessfulHttpResponse response) {
            delegate.onOpen(response);
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            onEvent(event, null);
        }

        /**
         * An event the provider's listener cannot take (Anthropic's throws on malformed JSON) fails the stream;
         * langchain4j's parser would log and skip it, and the answer would silently miss a piece.
         */
        @Override
        public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
            if (failed) {
                return;
            }
            try {
                if (context == null) {
                    delegate.onEvent(event);
                } else {
                    delegate.onEvent(event, context);
                }
            } catch (RuntimeException unreadable) {
                onError(unreadable);
                if (context != null) {
                    context.parsingHandle().cancel();
                }
            }
        }

        @Override
        public void onError(Throwable error) {
            if (!failed) {
                failed = true;
                Throwable reported = error instanceof HttpTimeoutException silent ? new TimeoutException(silent) : error;
                quietly(() -> delegate.onError(reported));
            }
        }

        @Override
        public void onClose() {
            delegate.onClose();
        }
    }

    private static final class Builder implements HttpClientBuilder {

        private Duration connectTimeout;
        private Duration readTimeout;

        Builder(Duration timeout) {
            this.connectTimeout = timeout;
            this.readTimeout = timeout;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            if (timeout != null) {
                this.connectTimeout = timeout;
            }
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            if (timeout != null) {
                this.readTimeout = timeout;
            }
            return this;
        }

        @Override
        public HttpClient build() {
            return new LlmHttpClient(connectTimeout, readTimeout);
        }
    }
}
