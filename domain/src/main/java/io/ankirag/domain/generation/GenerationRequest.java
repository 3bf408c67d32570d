package io.ankirag.domain.generation;

import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.prompt.PromptId;
import io.ankirag.domain.prompt.PromptVersionId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the learner asked for (spec 5.4), with the deck and the exact prompt version already resolved, so that a
 * job resumed later generates with the same text it started with.
 */
public record GenerationRequest(
        String topic,
        int numCards,
        DeckId deckId,
        PromptId promptId,
        PromptVersionId promptVersionId,
        String language,
        Difficulty difficulty,
        boolean factCheck,
        boolean includeSources) {

    public static final int MIN_CARDS = 1;
    public static final int MAX_CARDS = 50;
    public static final int MAX_TOPIC_LENGTH = 1_000;
    private static final Pattern LANGUAGE_TAG = Pattern.compile("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$");

    public GenerationRequest {
        if (topic == null || topic.isBlank()) {
            throw new DomainException(ErrorCode.REQ_002, "topic must not be empty");
        }
        topic = topic.strip();
        if (topic.codePointCount(0, topic.length()) > MAX_TOPIC_LENGTH) {
            throw new DomainException(ErrorCode.REQ_002, "topic must be at most " + MAX_TOPIC_LENGTH + " characters");
        }
        if (numCards < MIN_CARDS || numCards > MAX_CARDS) {
            throw new DomainException(ErrorCode.REQ_002, "num_cards must be between " + MIN_CARDS + " and " + MAX_CARDS);
        }
        Objects.requireNonNull(deckId, "deckId");
        Objects.requireNonNull(promptId, "promptId");
        Objects.requireNonNull(promptVersionId, "promptVersionId");
        language = language == null ? null : language.strip();
        if (language == null || !LANGUAGE_TAG.matcher(language).matches()) {
            throw new DomainException(ErrorCode.REQ_002, "language must be a language tag such as 'en' or 'ru'");
        }
        Objects.requireNonNull(difficulty, "difficulty");
    }
}
