package io.ankirag.application.rag;

import io.ankirag.application.port.in.card.CardView;
import io.ankirag.application.port.in.rag.FindDuplicatesQuery;
import io.ankirag.application.port.out.card.CardReadModelPort;
import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingPurpose;
import io.ankirag.application.port.out.rag.SearchCardIndexPort;
import io.ankirag.application.port.out.rag.SearchCardIndexPort.IndexScope;
import io.ankirag.application.port.out.rag.SearchCardIndexPort.ScoredCard;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Embeds each item's text as a document, the way the index embeds cards, and asks the index for its nearest cards. */
public class DuplicateFinder implements FindDuplicatesQuery {

    private final ServingEmbedder embedder;
    private final SearchCardIndexPort index;
    private final CardReadModelPort cards;
    private final EmbeddingLanguages languages;

    public DuplicateFinder(ServingEmbedder embedder, SearchCardIndexPort index, CardReadModelPort cards) {
        this(embedder, index, cards, EmbeddingLanguages.DEFAULT);
    }

    public DuplicateFinder(ServingEmbedder embedder, SearchCardIndexPort index, CardReadModelPort cards, EmbeddingLanguages languages) {
        this.embedder = embedder;
        this.index = index;
        this.cards = cards;
        this.languages = languages;
    }

    @Override
    public List<Duplicate> duplicatesOfCards(UserId caller, List<CardId> ids, double threshold) {
        validate(ids.size(), threshold);
        Map<CardId, CardView> found = cards.cardsOf(caller, ids).stream()
                .collect(Collectors.toMap(CardView::id, card -> card, (a, b) -> a));
        for (CardId id : ids) {
            if (!found.containsKey(id)) {
                throw new DomainException(ErrorCode.CARD_001, "no card with id " + id);
            }
        }
        List<Item> items = ids.stream().distinct().map(id -> new Item(id.toString(), id, CardText.of(found.get(id).fields()))).toList();
        return duplicates(caller, items, threshold);
    }

    @Override
    public List<Duplicate> duplicatesOfCandidates(UserId caller, List<Map<String, String>> candidates, double threshold) {
        validate(candidates.size(), threshold);
        return duplicates(caller, candidateItems(candidates), threshold);
    }

    @Override
    public List<CandidateMatch> matchCandidates(UserId caller, List<Map<String, String>> candidates, double threshold) {
        validate(candidates.size(), threshold);
        return match(caller, candidateItems(candidates), threshold);
    }

    /** @param self the card the text belongs to, which is never its own duplicate; {@code null} for a candidate */
    private record Item(String name, CardId self, String text) {
    }

    private static List<Item> candidateItems(List<Map<String, String>> candidates) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            items.add(new Item(Integer.toString(i), null, CardText.of(candidates.get(i) == null ? Map.of() : candidates.get(i))));
        }
        return items;
    }

    private List<Duplicate> duplicates(UserId caller, List<Item> items, double threshold) {
        return match(caller, items, threshold).stream().flatMap(match -> match.duplicates().stream()).toList();
    }

    /**
     * Embeds every item with text in one call, the way the index embeds cards, and asks the index for its nearest
     * cards: one match per item, in order; an item without text has no vector and no duplicates.
     */
    private List<CandidateMatch> match(UserId caller, List<Item> items, double threshold) {
        List<Item> withText = items.stream().filter(item -> !item.text().isEmpty()).toList();
        if (withText.isEmpty()) {
            return items.stream().map(item -> new CandidateMatch(null, List.of())).toList();
        }
        ServingEmbedder.Serving serving = embedder.current();
        List<float[]> vectors = serving.embedder().embed(withText.stream().map(Item::text).toList(), EmbeddingPurpose.DOCUMENT);
        List<CandidateMatch> matches = new ArrayList<>(items.size());
        int next = 0;
        for (Item item : items) {
            if (item.text().isEmpty()) {
                matches.add(new CandidateMatch(null, List.of()));
                continue;
            }
            float[] vector = vectors.get(next++);
            // One more than needed when a saved card is matched: it finds itself first.
            int wanted = item.self() == null ? MAX_MATCHES_PER_ITEM : MAX_MATCHES_PER_ITEM + 1;
            // A model that does not know the text's language is not trusted alone: the card must share its words too.
            TextLanguage language = TextLanguage.detect(item.text());
            List<ScoredCard> nearest = languages.understands(serving.model(), language)
                    ? index.nearest(caller, serving.model(), vector, IndexScope.EVERYWHERE, threshold, wanted)
                    : index.nearestSharingWords(caller, serving.model(), vector, item.text(), language,
                            languages.duplicateMinWordOverlap(), IndexScope.EVERYWHERE, threshold, wanted);
            matches.add(new CandidateMatch(vector, nearest.stream()
                    .filter(near -> !near.cardId().equals(item.self()))
                    .limit(MAX_MATCHES_PER_ITEM)
                    .map(near -> new Duplicate(item.name(), near.cardId(), near.score()))
                    .toList()));
        }
        return matches;
    }

    private static void validate(int count, double threshold) {
        if (count > MAX_ITEMS) {
            throw new DomainException(ErrorCode.REQ_002, "at most " + MAX_ITEMS + " cards per request");
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new DomainException(ErrorCode.REQ_002, "threshold must be between 0 and 1");
        }
    }
}
