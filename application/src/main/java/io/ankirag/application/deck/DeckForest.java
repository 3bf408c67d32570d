package io.ankirag.application.deck;

import io.ankirag.application.port.in.deck.DeckNode;
import io.ankirag.application.port.in.deck.DeckView;
import io.ankirag.domain.deck.DeckId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One user's decks arranged as a forest, for tree answers and ancestry checks. */
public final class DeckForest {

    private static final Comparator<DeckView> BY_NAME =
            Comparator.comparing((DeckView d) -> d.name().toLowerCase()).thenComparing(d -> d.id().value());

    private final Map<DeckId, DeckView> byId = new HashMap<>();
    private final Map<DeckId, List<DeckView>> childrenOf = new HashMap<>();
    private final List<DeckView> roots = new ArrayList<>();

    public DeckForest(List<DeckView> decks) {
        decks.forEach(deck -> byId.put(deck.id(), deck));
        for (DeckView deck : decks) {
            if (deck.parentId() == null || !byId.containsKey(deck.parentId())) {
                roots.add(deck);
            } else {
                childrenOf.computeIfAbsent(deck.parentId(), parent -> new ArrayList<>()).add(deck);
            }
        }
        roots.sort(BY_NAME);
        childrenOf.values().forEach(children -> children.sort(BY_NAME));
    }

    List<DeckNode> tree() {
        return roots.stream().map(this::node).toList();
    }

    /** The deck itself, its parent, and so on up to its top-level deck. */
    List<DeckId> pathToRoot(DeckId id) {
        List<DeckId> path = new ArrayList<>();
        for (DeckView deck = byId.get(id); deck != null && !path.contains(deck.id()); deck = byId.get(deck.parentId())) {
            path.add(deck.id());
            if (deck.parentId() == null) {
                break;
            }
        }
        return path;
    }

    /** The deck and all its descendants, deepest first, so that deleting in this order never orphans a child. */
    public List<DeckId> subtreeDeepestFirst(DeckId id) {
        List<DeckId> order = new ArrayList<>();
        collect(id, order);
        return order;
    }

    private void collect(DeckId id, List<DeckId> order) {
        for (DeckView child : childrenOf.getOrDefault(id, List.of())) {
            collect(child.id(), order);
        }
        order.add(id);
    }

    private DeckNode node(DeckView deck) {
        List<DeckNode> children = childrenOf.getOrDefault(deck.id(), List.of()).stream().map(this::node).toList();
        long total = deck.cardsCount() + children.stream().mapToLong(DeckNode::totalCardsCount).sum();
        return new DeckNode(deck, total, children);
    }
}
