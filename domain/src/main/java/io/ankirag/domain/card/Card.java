package io.ankirag.domain.card;

import io.ankirag.domain.card.CardCommand.ApproveCard;
import io.ankirag.domain.card.CardCommand.CreateCard;
import io.ankirag.domain.card.CardCommand.DeleteCard;
import io.ankirag.domain.card.CardCommand.EditCard;
import io.ankirag.domain.card.CardCommand.MoveCard;
import io.ankirag.domain.card.CardCommand.RecordCardSynced;
import io.ankirag.domain.card.CardCommand.RecordSyncConflict;
import io.ankirag.domain.card.CardCommand.RecordSyncFailure;
import io.ankirag.domain.card.CardCommand.RejectCard;
import io.ankirag.domain.card.CardEvent.CardApproved;
import io.ankirag.domain.card.CardEvent.CardCreated;
import io.ankirag.domain.card.CardEvent.CardDeleted;
import io.ankirag.domain.card.CardEvent.CardEdited;
import io.ankirag.domain.card.CardEvent.CardMoved;
import io.ankirag.domain.card.CardEvent.CardRejected;
import io.ankirag.domain.card.CardEvent.CardSyncConflictResolved;
import io.ankirag.domain.card.CardEvent.CardSyncFailed;
import io.ankirag.domain.card.CardEvent.CardSynced;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.shared.ImpossibleHistory;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.user.UserId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A card's lifecycle. Its status follows {@link CardStatus}'s table and nothing else ({@code CARD_002});
 * its fields always satisfy its template; another user's card answers like a missing one ({@code CARD_001}).
 */
public sealed interface Card {

    int MAX_REASON_LENGTH = 2_000;

    List<CardEvent> decide(CardCommand command);

    Card evolve(CardEvent event);

    static Card initial() {
        return new Unborn();
    }

    record Unborn() implements Card {

        @Override
        public List<CardEvent> decide(CardCommand command) {
            if (!(command instanceof CreateCard create)) {
                throw notFound(command.cardId());
            }
            Map<String, String> fields = create.schema().validate(create.fields());
            boolean imported = create.origin() == CardOrigin.IMPORTED;
            if (imported && create.ankiIds() == null) {
                throw new DomainException(ErrorCode.REQ_002, "an imported card needs Anki's note id");
            }
            CardStatus status = imported ? CardStatus.SYNCED : CardStatus.DRAFT;
            return List.of(new CardCreated(create.cardId(), create.actor(), create.deckId(), create.templateId(), fields,
                    create.tags().values(), status, create.origin(), create.ankiIds(), create.at()));
        }

        @Override
        public Card evolve(CardEvent event) {
            if (event instanceof CardCreated created) {
                return new Active(created.cardId(), created.ownerId(), created.deckId(), created.templateId(),
                        created.fields(), created.tags(), created.status(), 0, null, created.ankiIds());
            }
            throw new ImpossibleHistory(this, event);
        }
    }

    record Active(CardId id, UserId ownerId, DeckId deckId, TemplateId templateId, Map<String, String> fields,
                  List<String> tags, CardStatus status, int syncAttempts, String syncError, AnkiIds ankiIds)
            implements Card {

        public Active {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields)); // template order matters to Anki
            tags = List.copyOf(tags);
        }

        @Override
        public List<CardEvent> decide(CardCommand command) {
            if (!ownerId.equals(command.actor())) {
                throw notFound(id);
            }
            return switch (command) {
                case CreateCard create -> throw new DomainException(ErrorCode.REQ_002, "card " + id + " already exists");
                case EditCard edit -> edit(edit);
                case MoveCard move -> move.deckId().equals(deckId)
                        ? List.of()
                        : List.of(new CardMoved(id, deckId, move.deckId(), move.at()));
                case ApproveCard approve -> {
                    transition(CardStatus.APPROVED);
                    yield List.of(new CardApproved(id, approve.at()));
                }
                case RejectCard reject -> {
                    transition(CardStatus.REJECTED);
                    yield List.of(new CardRejected(id, reason(reject.reason()), reject.at()));
                }
                case RecordCardSynced synced -> {
                    transition(CardStatus.SYNCED);
                    if (synced.ankiIds() == null) {
                        throw new DomainException(ErrorCode.REQ_002, "a synced card needs Anki's note id");
                    }
                    yield List.of(new CardSynced(id, synced.ankiIds(), synced.at()));
                }
                case RecordSyncFailure failure -> {
                    transition(CardStatus.SYNC_FAILED);
                    yield List.of(new CardSyncFailed(id, failure.error() == null ? "unknown error" : failure.error(),
                            syncAttempts + 1, failure.at()));
                }
                case RecordSyncConflict conflict -> {
                    if (ankiIds == null) {
                        throw new DomainException(ErrorCode.REQ_002, "a card never synced with Anki has no conflict with it");
                    }
                    yield List.of(new CardSyncConflictResolved(id, conflict.resolution(), conflict.at()));
                }
                case DeleteCard delete -> List.of(new CardDeleted(id, deckId, delete.at()));
            };
        }

        private List<CardEvent> edit(EditCard edit) {
            Map<String, String> newFields = edit.fields() == null ? fields : edit.schema().validate(edit.fields());
            List<String> newTags = edit.tags() == null ? tags : edit.tags().values();
            if (newFields.equals(fields) && newTags.equals(tags)) {
                return List.of();
            }
            return List.of(new CardEdited(id, newFields, newTags, edit.at()));
        }

        private void transition(CardStatus target) {
            if (!status.canBecome(target)) {
                throw new DomainException(ErrorCode.CARD_002, "a " + status.name().toLowerCase() + " card cannot become "
                        + target.name().toLowerCase() + (status.next().isEmpty() ? "" : "; it can become "
                        + status.next().stream().map(s -> s.name().toLowerCase()).sorted().toList()));
            }
        }

        @Override
        public Card evolve(CardEvent event) {
            return switch (event) {
                case CardCreated created -> throw new ImpossibleHistory(this, event);
                case CardEdited edited -> new Active(id, ownerId, deckId, templateId, edited.fields(), edited.tags(), status,
                        syncAttempts, syncError, ankiIds);
                case CardMoved moved -> new Active(id, ownerId, moved.toDeckId(), templateId, fields, tags, status,
                        syncAttempts, syncError, ankiIds);
                case CardApproved approved -> withStatus(CardStatus.APPROVED);
                case CardRejected rejected -> withStatus(CardStatus.REJECTED);
                case CardSynced synced -> new Active(id, ownerId, deckId, templateId, fields, tags, CardStatus.SYNCED,
                        syncAttempts, null, synced.ankiIds() == null ? ankiIds : synced.ankiIds());
                case CardSyncFailed failed -> new Active(id, ownerId, deckId, templateId, fields, tags,
                        CardStatus.SYNC_FAILED, failed.attempts(), failed.error(), ankiIds);
                case CardSyncConflictResolved conflict -> this;
                case CardDeleted deleted -> new Deleted(id, ownerId);
            };
        }

        private Active withStatus(CardStatus next) {
            return new Active(id, ownerId, deckId, templateId, fields, tags, next, syncAttempts, syncError, ankiIds);
        }
    }

    record Deleted(CardId id, UserId ownerId) implements Card {

        @Override
        public List<CardEvent> decide(CardCommand command) {
            throw notFound(id);
        }

        @Override
        public Card evolve(CardEvent event) {
            throw new ImpossibleHistory(this, event);
        }
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new DomainException(ErrorCode.REQ_002, "a rejection needs a reason");
        }
        String stripped = reason.strip();
        if (stripped.length() > MAX_REASON_LENGTH) {
            throw new DomainException(ErrorCode.REQ_002, "reason must be at most " + MAX_REASON_LENGTH + " characters");
        }
        return stripped;
    }

    private static DomainException notFound(CardId id) {
        return new DomainException(ErrorCode.CARD_001, "no card with id " + id);
    }

}
