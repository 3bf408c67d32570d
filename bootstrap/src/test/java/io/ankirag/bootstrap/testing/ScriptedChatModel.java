package io.ankirag.bootstrap.testing;

import io.ankirag.application.port.out.llm.ChatModelPort;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
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
 * A chat model that answers from a script, one answer per call, chosen by a key the request's user prompt contains
 * (tests use a unique topic). An answer is a list of steps, exactly what the fake OpenAI-compatible server will be
 * told to do: wait, send a piece of text, fail (as the adapter does once its retries are spent), or crash (the
 * worker's thread dies, as in a killed process). Requests nobody scripted fail at once.
 */
public final class ScriptedChatModel implements ChatModelPort {

    public static final String MODEL = "scripted-model";

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

    /** A call as the model received it, with when it began, sent each piece, and ended ({@link System#nanoTime()}). */
    public record Call(LlmRequest request, long startedNanos, List<Long> sentNanos, long endedNanos) {
    }

    public static final class SimulatedCrash extends Error {

        SimulatedCrash() {
            super("simulated crash of the generation worker");
        }
    }

    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

    /** The answers, in order, to the calls whose user prompt contains {@code key}. */
    public void script(String key, Answer... answers) {
        scripts.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>()).addAll(List.of(answers));
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
        List<Long> sent = new ArrayList<>();
        try {
            Answer answer = next(request);
            StringBuilder text = new StringBuilder();
            for (Step step : answer.steps()) {
                switch (step) {
                    case Wait wait -> sleep(wait.duration());
                    case Send send -> {
                        text.append(send.text());
                        sent.add(System.nanoTime());
                        onDelta.accept(send.text());
                    }
                    case Fail fail -> throw new DomainException(ErrorCode.GEN_001, fail.message());
                    case Crash crash -> throw new SimulatedCrash();
                }
            }
            return new LlmResponse(text.toString(), "scripted", MODEL, request.userPrompt().length() / 4,
                    text.length() / 4, Duration.ofNanos(System.nanoTime() - started), 1);
        } finally {
            calls.add(new Call(request, started, List.copyOf(sent), System.nanoTime()));
        }
    }

    private Answer next(LlmRequest request) {
        for (Map.Entry<String, Deque<Answer>> script : scripts.entrySet()) {
            if (request.userPrompt().contains(script.getKey())) {
                Answer answer = script.getValue().pollFirst();
                if (answer != null) {
                    return answer;
                }
            }
        }
        throw new DomainException(ErrorCode.GEN_001, "the model is unavailable (nothing scripted for this request)");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DomainException(ErrorCode.GEN_001, "the call was interrupted");
        }
    }
}
