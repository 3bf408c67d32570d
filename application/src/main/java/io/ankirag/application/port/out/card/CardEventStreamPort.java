package io.ankirag.application.port.out.card;

import io.ankirag.domain.card.CardEvent;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.user.UserId;
import java.util.List;

public interface CardEventStreamPort {

    /** @param actor who caused the event, as recorded with it; {@code null} when not recorded */
    record RecordedCardEvent(long sequence, CardEvent event, UserId actor) {
    }

    /** The card's events from the event store, oldest first; empty when there is no such card. */
    List<RecordedCardEvent> eventsOf(CardId id);
}
