package io.ankirag.application.port.out.rag;

import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingModelInfo;
import io.ankirag.application.rag.TextLanguage;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.card.CardStatus;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.user.UserId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The search index over cards' text and embeddings, always scoped to one owner. Rejected and deleted cards are
 * not in it.
 */
public interface SearchCardIndexPort {

    /**
     * @param decks    {@code null} for every deck, else only cards in these
     * @param statuses {@code null} or empty for any status
     * @param tags     {@code null} or empty for any tags, else lower-cased tags of which a card must have one
     *                 ({@code allTags} false) or all ({@code allTags} true); tags compare ignoring case, as in Anki
     */
    record IndexScope(List<DeckId> decks, Set<CardStatus> statuses, Set<String> tags, boolean allTags) {

        public static final IndexScope EVERYWHERE = new IndexScope(null, null, null, false);
    }

    record ScoredCard(CardId cardId, double score) {
    }

    /**
     * Nearest by cosine similarity to {@code query}, a vector of {@code model}, among that model's vectors; best
     * first, at least {@code minSimilarity}. None when the index holds no vectors of {@code model}.
     */
    List<ScoredCard> nearest(UserId owner, EmbeddingModelInfo model, float[] query, IndexScope scope, double minSimilarity,
                             int limit);

    /**
     * Cards containing any of {@code words}, best first: those holding more of the words first, then by full-text
     * rank; none for an empty list. Each card's words are stemmed in its own detected language and also kept as
     * written; the query's words are stemmed as {@code language} and also taken as written, so inflected forms match
     * within a language and exact terms across languages.
     */
    List<ScoredCard> matchingWords(UserId owner, List<String> words, TextLanguage language, IndexScope scope, int limit);

    /**
     * Like {@link #nearest}, among only the cards that share at least {@code minOverlap} (0 to 1) of the distinct
     * words of {@code text} (stemmed as {@code language}, and as written): a similarity from a model that does not
     * know the text's language is not enough on its own.
     */
    List<ScoredCard> nearestSharingWords(UserId owner, EmbeddingModelInfo model, float[] query, String text,
                                         TextLanguage language, double minOverlap, IndexScope scope,
                                         double minSimilarity, int limit);

    /** The owner's indexed cards per detected language (languages without cards left out). */
    Map<TextLanguage, Long> cardsPerLanguage(UserId owner);
}
