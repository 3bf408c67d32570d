package io.ankirag.bootstrap.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ankirag.bootstrap.testing.ScriptedChatModel.Answer;
import io.ankirag.bootstrap.testing.ScriptedChatModel.Crash;
import io.ankirag.bootstrap.testing.ScriptedChatModel.Fail;
import io.ankirag.bootstrap.testing.ScriptedChatModel.Send;
import io.ankirag.bootstrap.testing.ScriptedChatModel.Step;
import io.ankirag.bootstrap.testing.ScriptedChatModel.Wait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Model answers as the pipeline asks for them: {@code {"cards": [...]}}, streamed one card at a time. */
public final class Answers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Answers() {
    }

    public static String basic(String front, String back) {
        return json(Map.of("type", "basic", "front", front, "back", back));
    }

    public static String cloze(String text, String extra) {
        return json(Map.of("type", "cloze", "text", text, "extra", extra));
    }

    /** The cards, each sent after {@code beforeEach}. */
    public static Answer cards(Duration beforeEach, String... cards) {
        return new Answer(steps(beforeEach, List.of(cards), true));
    }

    /** The first cards of an answer, then the connection breaks (not retried: cards were delivered). */
    public static Answer cardsThenFailure(Duration beforeEach, String failure, String... cards) {
        List<Step> steps = steps(beforeEach, List.of(cards), false);
        steps.add(new Fail(failure));
        return new Answer(steps);
    }

    /** The first cards, a pause for them to be saved, then the worker dies. */
    public static Answer cardsThenCrash(Duration beforeEach, Duration beforeCrash, String... cards) {
        List<Step> steps = steps(beforeEach, List.of(cards), false);
        steps.add(new Wait(beforeCrash));
        steps.add(new Crash());
        return new Answer(steps);
    }

    /** The server answers 503 saying {@code message} until the adapter's retries are spent. */
    public static Answer failure(String message) {
        return new Answer(List.of(new Fail(message)));
    }

    private static List<Step> steps(Duration beforeEach, List<String> cards, boolean close) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Send("{\"cards\": ["));
        for (int i = 0; i < cards.size(); i++) {
            if (!beforeEach.isZero()) {
                steps.add(new Wait(beforeEach));
            }
            steps.add(new Send((i == 0 ? "" : ",\n") + cards.get(i)));
        }
        if (close) {
            steps.add(new Send("]}"));
        }
        return steps;
    }

    private static String json(Map<String, String> members) {
        try {
            return JSON.writeValueAsString(new LinkedHashMap<>(members));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
