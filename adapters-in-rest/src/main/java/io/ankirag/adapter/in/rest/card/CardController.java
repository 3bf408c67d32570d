package io.ankirag.adapter.in.rest.card;

import io.ankirag.adapter.in.rest.card.CardDtos.BulkCreateRequest;
import io.ankirag.adapter.in.rest.card.CardDtos.BulkCreateResponse;
import io.ankirag.adapter.in.rest.card.CardDtos.BulkFailureResponse;
import io.ankirag.adapter.in.rest.card.CardDtos.CardListResponse;
import io.ankirag.adapter.in.rest.card.CardDtos.CardResponse;
import io.ankirag.adapter.in.rest.card.CardDtos.CreateCardRequest;
import io.ankirag.adapter.in.rest.card.CardDtos.HistoryEntryResponse;
import io.ankirag.adapter.in.rest.card.CardDtos.MoveCardRequest;
import io.ankirag.adapter.in.rest.card.CardDtos.RejectCardRequest;
import io.ankirag.adapter.in.rest.card.CardDtos.UpdateCardRequest;
import io.ankirag.adapter.in.rest.security.CurrentUser;
import io.ankirag.application.port.in.card.CardFilter;
import io.ankirag.application.port.in.card.CardFilter.CardSort;
import io.ankirag.application.port.in.card.CardQuery;
import io.ankirag.application.port.in.card.CardSlice;
import io.ankirag.application.port.in.card.ManageCardsUseCase;
import io.ankirag.application.port.in.card.ManageCardsUseCase.BulkResult;
import io.ankirag.application.port.in.card.ManageCardsUseCase.CardContent;
import io.ankirag.application.port.in.card.ManageCardsUseCase.NewCard;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.card.CardStatus;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.template.TemplateId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's cards. Another user's card answers 404 {@code CARD_001}, exactly like a card that never existed. */
@RestController
@RequestMapping("/api/cards")
@Tag(name = "Cards")
class CardController {

    private final CardQuery cards;
    private final ManageCardsUseCase manage;
    private final CardDtoMapper mapper;

    CardController(CardQuery cards, ManageCardsUseCase manage, CardDtoMapper mapper) {
        this.cards = cards;
        this.manage = manage;
        this.mapper = mapper;
    }

    @PostMapping({"", "/"})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a draft card (fields checked against the template)")
    CardResponse create(@AuthenticationPrincipal CurrentUser caller, @Valid @RequestBody CreateCardRequest request) {
        return mapper.toResponse(manage.createCard(caller.id(), new NewCard(new DeckId(request.deckId()),
                new TemplateId(request.templateId()), request.fields(), request.tags())));
    }

    @PostMapping("/bulk")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create up to 500 cards; each invalid card is reported by index, the valid ones are created")
    BulkCreateResponse createMany(@AuthenticationPrincipal CurrentUser caller, @Valid @RequestBody BulkCreateRequest request) {
        List<CardContent> contents = request.cards().stream().map(card -> new CardContent(card.fields(), card.tags())).toList();
        BulkResult result = manage.createCards(caller.id(), new DeckId(request.deckId()), new TemplateId(request.templateId()), contents);
        List<BulkFailureResponse> failed = result.failed().stream()
                .map(failure -> new BulkFailureResponse(failure.index(), failure.code().name(), failure.detail()))
                .toList();
        return new BulkCreateResponse(result.created().stream().map(mapper::toResponse).toList(), failed,
                result.created().size(), failed.size());
    }

    @GetMapping({"", "/"})
    @Operation(summary = "List cards, newest first by default, in slices: pass next_cursor back as cursor")
    CardListResponse list(@AuthenticationPrincipal CurrentUser caller,
                          @RequestParam(name = "deck_id", required = false) UUID deckId,
                          @Parameter(description = "with deck_id: include every sub-deck")
                          @RequestParam(name = "include_subdecks", defaultValue = "false") boolean includeSubdecks,
                          @Parameter(description = "draft, approved, rejected, synced or sync_failed")
                          @RequestParam(required = false) String status,
                          @RequestParam(required = false) String tag,
                          @Parameter(description = "text to find in any field, ignoring case")
                          @RequestParam(name = "q", required = false) String text,
                          @Parameter(description = "newest, oldest or updated")
                          @RequestParam(defaultValue = "newest") String sort,
                          @RequestParam(required = false) String cursor,
                          @RequestParam(defaultValue = "50") int limit) {
        CardFilter filter = new CardFilter(deckId == null ? null : new DeckId(deckId), includeSubdecks, status(status), tag, text, sort(sort));
        CardSlice slice = cards.cards(caller.id(), filter, cursor, limit);
        return new CardListResponse(slice.items().stream().map(mapper::toResponse).toList(), slice.nextCursor());
    }

    @GetMapping("/{id}")
    CardResponse get(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
        return mapper.toResponse(cards.card(caller.id(), new CardId(id)));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Edit fields and/or tags")
    CardResponse update(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @RequestBody UpdateCardRequest request) {
        return mapper.toResponse(manage.editCard(caller.id(), new CardId(id), new CardContent(request.fields(), request.tags())));
    }

    @PostMapping("/{id}/move")
    CardResponse move(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @Valid @RequestBody MoveCardRequest request) {
        return mapper.toResponse(manage.moveCard(caller.id(), new CardId(id), new DeckId(request.deckId())));
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "draft → approved (CARD_002 from any other status)")
    CardResponse approve(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
        return mapper.toResponse(manage.approveCard(caller.id(), new CardId(id)));
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "draft/approved → rejected, with a reason (CARD_002 from any other status)")
    CardResponse reject(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @RequestBody RejectCardRequest request) {
        return mapper.toResponse(manage.rejectCard(caller.id(), new CardId(id), request.reason()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
        manage.deleteCard(caller.id(), new CardId(id));
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Every event of the card, oldest first, from the event store: who, when, status before and after")
    List<HistoryEntryResponse> history(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
        return cards.history(caller.id(), new CardId(id)).stream().map(mapper::toResponse).toList();
    }

    private static CardStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return CardStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new DomainException(ErrorCode.REQ_002, "status must be one of draft, approved, rejected, synced, sync_failed");
        }
    }

    private static CardSort sort(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "newest" -> CardSort.NEWEST;
            case "oldest" -> CardSort.OLDEST;
            case "updated" -> CardSort.RECENTLY_UPDATED;
            default -> throw new DomainException(ErrorCode.REQ_002, "sort must be newest, oldest or updated");
        };
    }
}
