package io.ankirag.application.port.in.rag;

import io.ankirag.domain.user.UserId;
import java.util.List;
import java.util.Map;

/** What retrieval can do for a user right now: the model, what languages it knows, how much of the index it covers. */
public interface RagStatusQuery {

    /**
     * @param model     as {@code provider/name/dimensions}
     * @param languages {@code ["multilingual"]}, or the languages the model learnt ({@code ["en"]})
     */
    record ActiveModel(String model, String provider, String name, int dimensions, List<String> languages,
                       boolean multilingual) {

        public ActiveModel {
            languages = List.copyOf(languages);
        }
    }

    /** One model of the index: how many of the index's cards (all users') have its vector. */
    record ModelCoverage(String model, String state, long cards, long embedded, double coverage) {
    }

    /**
     * @param model            the configured model
     * @param servingModel     the model whose vectors answer searches now (the previous one while the configured one
     *                         is built)
     * @param cardsPerLanguage the caller's indexed cards per detected language ({@code en}, {@code ru}, {@code und})
     */
    record RagStatus(ActiveModel model, ActiveModel servingModel, List<ModelCoverage> coverage,
                     Map<String, Long> cardsPerLanguage) {

        public RagStatus {
            coverage = List.copyOf(coverage);
            cardsPerLanguage = Map.copyOf(cardsPerLanguage);
        }
    }

    RagStatus status(UserId caller);
}
