package io.ankirag.bootstrap.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads Server-Sent Events over real HTTP, as a browser's EventSource would, one event at a time. */
final class SseClient {

    /** @param receivedNanos when the event's last line arrived ({@link System#nanoTime()}) */
    record Event(String name, String id, String data, long receivedNanos) {

        JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static final class Connection implements AutoCloseable {

        private final HttpResponse<Stream<String>> response;
        private final Iterator<String> lines;
        private final List<String> comments = Collections.synchronizedList(new ArrayList<>());

        private Connection(HttpResponse<Stream<String>> response) {
            this.response = response;
            this.lines = response.body().iterator();
        }

        HttpResponse<Stream<String>> response() {
            return response;
        }

        int status() {
            return response.statusCode();
        }

        String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }

        /** The next event, or {@code null} when the server ended the stream. */
        Event next() {
            String name = "message";
            String id = null;
            StringBuilder data = null;
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.isEmpty()) {
                    if (data != null) {
                        return new Event(name, id, data.toString(), System.nanoTime());
                    }
                    continue;
                }
                if (line.startsWith(":")) {
                    comments.add(line.substring(1).strip());
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "event" -> name = value;
                    case "id" -> id = value;
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    default -> {
                    }
                }
            }
            return null;
        }

        /** Every event until the stream ends or {@code last} (an event name) has come. */
        List<Event> until(String... last) {
            List<Event> events = new ArrayList<>();
            Event event;
            while ((event = next()) != null) {
                events.add(event);
                if (List.of(last).contains(event.name())) {
                    break;
                }
            }
            return events;
        }

        /** The rest of the body as text (a problem response's JSON). */
        String rest() {
            StringBuilder rest = new StringBuilder();
            lines.forEachRemaining(rest::append);
            return rest.toString();
        }

        List<String> comments() {
            return List.copyOf(comments);
        }

        @Override
        public void close() {
            response.body().close();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    SseClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A POST whose answer is a stream (a chat message); a refusal comes back as a problem body in its lines. */
    Connection post(String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return new Connection(http.send(request.build(), BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Connection open(String path, String token, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            return new Connection(http.send(request.build(), BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
