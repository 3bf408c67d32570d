package io.ankirag.application.port.in.card;

import io.ankirag.domain.card.CardId;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.user.UserId;
import java.util.List;
import java.util.Map;

public interface ManageCardsUseCase {

    int MAX_BULK = 500;

    record NewCard(DeckId deckId, TemplateId templateId, Map<String, String> fields, List<String> tags) {
    }

    record CardContent(Map<String, String> fields, List<String> tags) {
    }

    record BulkFailure(int index, ErrorCode code, String detail) {
    }

    record BulkResult(List<CardView> created, List<BulkFailure> failed) {
    }

    /**
     * A manual card starts as a draft.
     *
     * @throws io.ankirag.domain.error.DomainException {@code DECK_001}, {@code TEMPLATE_001}, or {@code REQ_002}
     *                                                 when the fields do not fit the template
     */
    CardView createCard(UserId owner, NewCard card);

    /**
     * Creates every valid card of one deck and template and reports each invalid one by its index; one bad card
     * never stops the others.
     *
     * @throws io.ankirag.domain.error.DomainException {@code DECK_001}/{@code TEMPLATE_001} for the shared deck or
     *                                                 template, {@code REQ_002} for more than {@value #MAX_BULK}
     */
    BulkResult createCards(UserId owner, DeckId deckId, TemplateId templateId, List<CardContent> cards);

    /** {@code null} fields or tags leave them as they are. */
    CardView editCard(UserId owner, CardId id, CardContent content);

    CardView moveCard(UserId owner, CardId id, DeckId deckId);

    /** @throws io.ankirag.domain.error.DomainException {@code CARD_002} unless the card is a draft */
    CardView approveCard(UserId owner, CardId id);

    /** @throws io.ankirag.domain.error.DomainException {@code CARD_002} unless draft or approved; {@code REQ_002} without a reason */
    CardView rejectCard(UserId owner, CardId id, String reason);

    void deleteCard(UserId owner, CardId id);
}
