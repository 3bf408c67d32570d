package io.ankirag.application.rag;

import io.ankirag.application.port.in.card.CardView;
import io.ankirag.application.port.in.rag.FindDuplicatesQuery;
import io.ankirag.application.port.out.card.CardReadModelPort;
import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingPurpose;
import io.ankirag.application.port.out.rag.SearchCardIndexPort;
import io.ankirag.application.port.out.rag.SearchCardIndexPort.IndexScope;
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

    public DuplicateFinder(ServingEmbedder embedder, SearchCardIndexPort index, CardReadModelPort cards) {
        this.embedder = embedder;
        this.index = index;
        this.cards = cards;
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
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            items.add(new Item(Integer.toString(i), null, CardText.of(candidates.get(i) == null ? Map.of() : candidates.get(i))));
        }
        return duplicates(caller, items, threshold);
    }

    @Override
    public List<CandidateMatch> matchCandidates(UserId caller, List<Map<String, String>> candidates, double threshold) {
        validate(candidates.size(), threshold);
        List<String> texts = candidates.stream().map(fields -> CardText.of(fields == null ? Map.of() : fields)).toList();
        List<String> nonEmpty = texts.stream().filter(text -> !text.isEmpty()).toList();
        ServingEmbedder.Serving serving = embedder.current();
        List<float[]> vectors = nonEmpty.isEmpty() ? List.of() : serving.embedder().embed(nonEmpty, EmbeddingPurpose.DOCUMENT);
        List<CandidateMatch> matches = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).isEmpty()) {
                matches.add(new CandidateMatch(null, List.of()));
                continue;
            }
            float[] vector = vectors.get(next++);
            String item = Integer.toString(i);
            matches.add(new CandidateMatch(vector, index.nearest(caller, serving.model(), vector, IndexScope.EVERYWHERE, threshold, MAX_MATCHES_PER_ITEM)
                    .stream()
                    .map(near -> new Duplicate(item, near.cardId(), near.score()))
                    .toList()));
        }
        return matches;
    }

    /** @param self the card the text belongs to, which is never its own duplicate; {@code null} for a candidate */
    private record Item(String name, CardId self, String text) {
    }

    private List<Duplicate> duplicates(UserId caller, List<Item> items, double threshold) {
        List<Item> withText = items.stream().filter(item -> !item.text().isEmpty()).toList();
        if (withText.isEmpty()) {
            return List.of();
        }
        ServingEmbedder.Serving serving = embedder.current();
        List<float[]> vectors = serving.embedder().embed(withText.stream().map(Item::text).toList(), EmbeddingPurpose.DOCUMENT);
        List<Duplicate> duplicates = new ArrayList<>();
        for (int i = 0; i < withText.size(); i++) {
            Item item = withText.get(i);
            // One more than needed: a saved card finds itself first.
            index.nearest(caller, serving.model(), vectors.get(i), IndexScope.EVERYWHERE, threshold, MAX_MATCHES_PER_ITEM + 1).stream()
                    .filter(near -> !near.cardId().equals(item.self()))
                    .limit(MAX_MATCHES_PER_ITEM)
                    .forEach(near -> duplicates.add(new Duplicate(item.name(), near.cardId(), near.score())));
        }
        return duplicates;
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
