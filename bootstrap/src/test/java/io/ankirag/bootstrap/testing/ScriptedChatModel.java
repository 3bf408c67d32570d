package io.ankirag.bootstrap.testing;

import io.ankirag.adapter.out.llm.fake.FakeLlmServer.Ending;
import io.ankirag.adapter.out.llm.fake.FakeLlmServer.Piece;
import io.ankirag.adapter.out.llm.fake.FakeOpenAiServer;
import io.ankirag.application.port.out.llm.ChatModelPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Consumer;

/**
 * The real chat model adapter, talking over HTTP to the fake OpenAI-compatible server ({@link FakeLlms#OPENAI}),
 * whose answers tests script here by a key the request's user prompt contains (tests use a unique topic). An
 * answer is a list of steps the fake is told to take: wait, send a piece of text, fail (after pieces the
 * connection drops; before any, the server answers 503 saying the message until the adapter's retries are spent), or crash (the worker's thread dies, as in a
 * killed process: the one step no server can cause, so this wrapper throws it once the answer's text has arrived).
 * Every call is recorded, with its timing, as the pipeline made it.
 */
public final class ScriptedChatModel implements ChatModelPort {

    public sealed interface Step {
    }

    public record Wait(Duration duration) implements Step {
    }

    public record Send(String text) implements Step {
    }

    public record Fail(String message) implements Step {
    }

    /** Ends the call with an {@link Error}, which nothing catches: the run dies without a word. */
    public record Crash() implements Step {
    }

    public record Answer(List<Step> steps) {

        public Answer {
            steps = List.copyOf(steps);
        }
    }

    /** A call as the model received it, with when it began, got each piece, and ended ({@link System#nanoTime()}). */
    public record Call(LlmRequest request, long startedNanos, List<Long> sentNanos, long endedNanos) {
    }

    public static final class SimulatedCrash extends Error {

        SimulatedCrash() {
            super("simulated crash of the generation worker");
        }
    }

    private final ChatModelPort model;
    private final FakeOpenAiServer server;
    private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

    public ScriptedChatModel(ChatModelPort model, FakeOpenAiServer server) {
        this.model = model;
        this.server = server;
    }

    /** The answers, in order, to the calls whose user prompt contains {@code key}. */
    public void script(String key, Answer... answers) {
        for (Answer answer : answers) {
            this.answers.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>()).add(answer);
            List<Piece> pieces = new ArrayList<>();
            Duration before = Duration.ZERO;
            Step last = null;
            for (Step step : answer.steps()) {
                switch (step) {
                    case Wait wait -> before = before.plus(wait.duration());
                    case Send send -> {
                        pieces.add(new Piece(before, send.text()));
                        before = Duration.ZERO;
                    }
                    case Fail fail -> last = fail;
                    case Crash crash -> last = crash;
                }
            }
            switch (last) {
                case null -> server.thenStream(key, pieces, Ending.FINISH);
                case Crash crash -> server.thenStream(key, pieces, Ending.STALL);
                case Fail fail -> {
                    if (pieces.isEmpty()) {
                        for (int i = 0; i < FakeLlms.MAX_ATTEMPTS; i++) {
                            server.thenFail(key, 503, fail.message());
                        }
                    } else {
                        // The adapter does not retry once pieces were delivered. The pause lets the last pieces
                        // reach the client before the connection breaks, as they would have in one piece.
                        pieces.add(new Piece(Duration.ofMillis(200), ""));
                        server.thenStream(key, pieces, Ending.DROP);
                    }
                }
                default -> throw new IllegalStateException("unexpected step " + last);
            }
        }
    }

    /** The calls whose user prompt contained {@code key}, in order. */
    public List<Call> calls(String key) {
        synchronized (calls) {
            return calls.stream().filter(call -> call.request().userPrompt().contains(key)).toList();
        }
    }

    @Override
    public LlmResponse complete(LlmRequest request) {
        return stream(request, delta -> {
        });
    }

    @Override
    public LlmResponse stream(LlmRequest request, Consumer<String> onDelta) {
        long started = System.nanoTime();
        List<Long> sent = Collections.synchronizedList(new ArrayList<>());
        Answer answer = next(request);
        String crashAfter = answer == null ? null : crashAfter(answer);
        StringBuilder received = new StringBuilder();
        try {
            return model.stream(request, delta -> {
                sent.add(System.nanoTime());
                onDelta.accept(delta);
                received.append(delta);
                if (crashAfter != null && received.length() >= crashAfter.length()) {
                    sleep(beforeCrash(answer));
                    throw new SimulatedCrash();
                }
            });
        } finally {
            calls.add(new Call(request, started, List.copyOf(sent), System.nanoTime()));
        }
    }

    private Answer next(LlmRequest request) {
        for (Map.Entry<String, Deque<Answer>> script : answers.entrySet()) {
            if (request.userPrompt().contains(script.getKey())) {
                Answer answer = script.getValue().pollFirst();
                if (answer != null) {
                    return answer;
                }
            }
        }
        return null;
    }

    /** The text after which the answer crashes, or {@code null} when it does not. */
    private static String crashAfter(Answer answer) {
        if (!(answer.steps().getLast() instanceof Crash)) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        answer.steps().forEach(step -> {
            if (step instanceof Send send) {
                text.append(send.text());
            }
        });
        return text.toString();
    }

    private static Duration beforeCrash(Answer answer) {
        Duration wait = Duration.ZERO;
        for (int i = answer.steps().size() - 1; i >= 0 && !(answer.steps().get(i) instanceof Send); i--) {
            if (answer.steps().get(i) instanceof Wait w) {
                wait = wait.plus(w.duration());
            }
        }
        return wait;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
