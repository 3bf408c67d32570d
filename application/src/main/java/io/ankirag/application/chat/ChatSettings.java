package io.ankirag.application.chat;

import io.ankirag.application.ratelimit.RateLimitPolicy;
import java.util.Objects;

/**
 * @param model               the chat model asked (recorded with every answer)
 * @param rateLimit           chat messages per user (spec 5.8: 60 per hour)
 * @param historyTokenBudget  the most tokens of earlier messages sent with a question (estimated at four characters a
 *                            token); the oldest messages beyond it are dropped
 * @param historyMaxMessages  the most earlier messages read to fill that budget
 * @param contextCards        how many of the learner's cards are retrieved for each question
 * @param contextThreshold    the least semantic similarity of a retrieved card
 */
public record ChatSettings(String model, RateLimitPolicy rateLimit, int historyTokenBudget, int historyMaxMessages,
                           int contextCards, double contextThreshold) {

    public ChatSettings {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(rateLimit, "rateLimit");
        if (historyTokenBudget < 0) {
            throw new IllegalArgumentException("CHAT_HISTORY_TOKEN_BUDGET must be 0 or more, got " + historyTokenBudget);
        }
        if (historyMaxMessages < 0) {
            throw new IllegalArgumentException("the history's message limit must be 0 or more, got " + historyMaxMessages);
        }
        if (contextCards < 1 || contextCards > 50) {
            throw new IllegalArgumentException("CHAT_CONTEXT_CARDS must be between 1 and 50, got " + contextCards);
        }
    }
}
