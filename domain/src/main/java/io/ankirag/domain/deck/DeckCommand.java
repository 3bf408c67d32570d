package io.ankirag.domain.deck;

import io.ankirag.domain.shared.AggregateCommand;
import io.ankirag.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public sealed interface DeckCommand extends AggregateCommand {

    DeckId deckId();

    Instant at();

    @Override
    default UUID aggregateId() {
        return deckId().value();
    }

    /** @param parentId {@code null} for a top-level deck; the caller has checked that it is the actor's own */
    record CreateDeck(DeckId deckId, UserId actor, DeckName name, DeckDescription description, DeckId parentId, Instant at)
            implements DeckCommand {
    }

    record RenameDeck(DeckId deckId, UserId actor, DeckName name, Instant at) implements DeckCommand {
    }

    record DescribeDeck(DeckId deckId, UserId actor, DeckDescription description, Instant at) implements DeckCommand {
    }

    /**
     * @param newParentId          {@code null} to make it a top-level deck
     * @param ancestorsOfNewParent the new parent's chain up to the root, as the caller found it: a move under
     *                             one's own descendant shows up as this deck among them
     */
    record MoveDeck(DeckId deckId, UserId actor, DeckId newParentId, List<DeckId> ancestorsOfNewParent, Instant at)
            implements DeckCommand {

        public MoveDeck {
            ancestorsOfNewParent = List.copyOf(ancestorsOfNewParent);
        }
    }

    record DeleteDeck(DeckId deckId, UserId actor, Instant at) implements DeckCommand {
    }
}
