package io.ankirag.domain.deck;

import io.ankirag.domain.deck.DeckCommand.CreateDeck;
import io.ankirag.domain.deck.DeckCommand.DeleteDeck;
import io.ankirag.domain.deck.DeckCommand.DescribeDeck;
import io.ankirag.domain.deck.DeckCommand.MoveDeck;
import io.ankirag.domain.deck.DeckCommand.RenameDeck;
import io.ankirag.domain.deck.DeckEvent.DeckCreated;
import io.ankirag.domain.deck.DeckEvent.DeckDeleted;
import io.ankirag.domain.deck.DeckEvent.DeckDescribed;
import io.ankirag.domain.deck.DeckEvent.DeckMoved;
import io.ankirag.domain.deck.DeckEvent.DeckRenamed;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.shared.ImpossibleHistory;
import io.ankirag.domain.user.UserId;
import java.util.List;
import java.util.Objects;

/**
 * A deck's lifecycle: {@link Unborn} until created, {@link Active} while in use, {@link Deleted} for good.
 * {@code decide} turns a command into events or refuses it; {@code evolve} folds an event into the next state.
 *
 * <p>Another user's deck answers exactly like a missing one ({@code DECK_001}): no user learns that someone
 * else's deck exists.
 */
public sealed interface Deck {

    List<DeckEvent> decide(DeckCommand command);

    Deck evolve(DeckEvent event);

    static Deck initial() {
        return new Unborn();
    }

    record Unborn() implements Deck {

        @Override
        public List<DeckEvent> decide(DeckCommand command) {
            if (command instanceof CreateDeck create) {
                if (create.deckId().equals(create.parentId())) {
                    throw new DomainException(ErrorCode.DECK_003, "a deck cannot be its own parent");
                }
                return List.of(new DeckCreated(create.deckId(), create.actor(), create.name().value(),
                        create.description().value(), create.parentId(), create.at()));
            }
            throw notFound(command.deckId());
        }

        @Override
        public Deck evolve(DeckEvent event) {
            if (event instanceof DeckCreated created) {
                return new Active(created.deckId(), created.ownerId(), created.name(), created.description(), created.parentId());
            }
            throw new ImpossibleHistory(this, event);
        }
    }

    record Active(DeckId id, UserId ownerId, String name, String description, DeckId parentId) implements Deck {

        @Override
        public List<DeckEvent> decide(DeckCommand command) {
            if (!ownerId.equals(command.actor())) {
                throw notFound(id);
            }
            return switch (command) {
                case CreateDeck create -> throw new DomainException(ErrorCode.REQ_002, "deck " + id + " already exists");
                case RenameDeck rename -> rename.name().value().equals(name)
                        ? List.of()
                        : List.of(new DeckRenamed(id, rename.name().value(), rename.at()));
                case DescribeDeck describe -> Objects.equals(describe.description().value(), description)
                        ? List.of()
                        : List.of(new DeckDescribed(id, describe.description().value(), describe.at()));
                case MoveDeck move -> move(move);
                case DeleteDeck delete -> List.of(new DeckDeleted(id, delete.at()));
            };
        }

        private List<DeckEvent> move(MoveDeck move) {
            if (id.equals(move.newParentId()) || move.ancestorsOfNewParent().contains(id)) {
                throw new DomainException(ErrorCode.DECK_003, "a deck cannot move under itself or one of its own sub-decks");
            }
            if (Objects.equals(parentId, move.newParentId())) {
                return List.of();
            }
            return List.of(new DeckMoved(id, parentId, move.newParentId(), move.at()));
        }

        @Override
        public Deck evolve(DeckEvent event) {
            return switch (event) {
                case DeckCreated created -> throw new ImpossibleHistory(this, event);
                case DeckRenamed renamed -> new Active(id, ownerId, renamed.name(), description, parentId);
                case DeckDescribed described -> new Active(id, ownerId, name, described.description(), parentId);
                case DeckMoved moved -> new Active(id, ownerId, name, description, moved.parentId());
                case DeckDeleted deleted -> new Deleted(id, ownerId);
            };
        }
    }

    record Deleted(DeckId id, UserId ownerId) implements Deck {

        @Override
        public List<DeckEvent> decide(DeckCommand command) {
            throw notFound(id);
        }

        @Override
        public Deck evolve(DeckEvent event) {
            throw new ImpossibleHistory(this, event);
        }
    }

    private static DomainException notFound(DeckId id) {
        return new DomainException(ErrorCode.DECK_001, "no deck with id " + id);
    }

}
