package io.ankirag.adapter.in.rest.deck;

import io.ankirag.adapter.in.rest.deck.DeckDtos.CreateDeckRequest;
import io.ankirag.adapter.in.rest.deck.DeckDtos.DeckResponse;
import io.ankirag.adapter.in.rest.deck.DeckDtos.DeckTreeNode;
import io.ankirag.adapter.in.rest.deck.DeckDtos.MoveDeckRequest;
import io.ankirag.adapter.in.rest.deck.DeckDtos.UpdateDeckRequest;
import io.ankirag.adapter.in.rest.page.PageResponse;
import io.ankirag.adapter.in.rest.security.CurrentUser;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.deck.DeckQuery;
import io.ankirag.application.port.in.deck.ManageDecksUseCase;
import io.ankirag.application.port.in.deck.ManageDecksUseCase.DeckChanges;
import io.ankirag.application.port.in.deck.ManageDecksUseCase.NewDeck;
import io.ankirag.domain.deck.DeckId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
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

/** The caller's decks. Another user's deck answers 404 {@code DECK_001}, exactly like a deck that never existed. */
@RestController
@RequestMapping("/api/decks")
@Tag(name = "Decks")
class DeckController {

    private final DeckQuery decks;
    private final ManageDecksUseCase manage;
    private final DeckDtoMapper mapper;

    DeckController(DeckQuery decks, ManageDecksUseCase manage, DeckDtoMapper mapper) {
        this.decks = decks;
        this.manage = manage;
        this.mapper = mapper;
    }

    @PostMapping({"", "/"})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a deck, optionally under a parent deck")
    DeckResponse create(@AuthenticationPrincipal CurrentUser caller, @Valid @RequestBody CreateDeckRequest request) {
        return mapper.toResponse(manage.createDeck(caller.id(),
                new NewDeck(request.name(), request.description(), optionalDeck(request.parentId()))));
    }

    @GetMapping({"", "/"})
    @Operation(summary = "The caller's decks, flat, sorted by name")
    PageResponse<DeckResponse> list(@AuthenticationPrincipal CurrentUser caller,
                                    @RequestParam(defaultValue = "1") int page,
                                    @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        return PageResponse.of(decks.decks(caller.id(), new PageRequest(page, size)), mapper::toResponse);
    }

    @GetMapping("/tree")
    @Operation(summary = "The whole deck hierarchy with card counts")
    List<DeckTreeNode> tree(@AuthenticationPrincipal CurrentUser caller) {
        return decks.tree(caller.id()).stream().map(mapper::toTreeNode).toList();
    }

    @GetMapping("/{id}")
    DeckResponse get(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
        return mapper.toResponse(decks.deck(caller.id(), new DeckId(id)));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Rename or describe a deck")
    DeckResponse update(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id,
                        @Valid @RequestBody UpdateDeckRequest request) {
        return mapper.toResponse(manage.changeDeck(caller.id(), new DeckId(id),
                new DeckChanges(request.name(), request.description(), null, false)));
    }

    @PostMapping("/{id}/move")
    @Operation(summary = "Move a deck under another deck, or to the top level (DECK_003 when that would make a cycle)")
    DeckResponse move(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id,
                      @RequestBody MoveDeckRequest request) {
        DeckId parent = optionalDeck(request.parentId());
        return mapper.toResponse(manage.changeDeck(caller.id(), new DeckId(id),
                new DeckChanges(null, null, parent, parent == null)));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a deck with its sub-decks and their cards")
    void delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
        manage.deleteDeck(caller.id(), new DeckId(id));
    }

    private static DeckId optionalDeck(UUID id) {
        return id == null ? null : new DeckId(id);
    }
}
