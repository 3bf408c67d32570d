package io.ankirag.adapter.in.rest.rag;

import io.ankirag.adapter.in.rest.security.CurrentUser;
import io.ankirag.application.port.in.rag.FindDuplicatesQuery;
import io.ankirag.application.port.in.rag.RagStatusQuery;
import io.ankirag.application.port.in.rag.RebuildSearchIndexUseCase;
import io.ankirag.application.port.in.rag.RebuildSearchIndexUseCase.SearchIndexProgress;
import io.ankirag.application.port.in.rag.SearchCardsQuery;
import io.ankirag.application.port.in.rag.SearchCardsQuery.CardSearch;
import io.ankirag.application.port.in.rag.SearchCardsQuery.SearchHit;
import io.ankirag.application.port.in.rag.SearchCardsQuery.SearchMode;
import io.ankirag.application.port.in.rag.SearchCardsQuery.TagMatch;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.card.CardStatus;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Search over the caller's own cards (spec 5.7); the index endpoints are for administrators (see the security chain). */
@RestController
@RequestMapping("/api/rag")
@Tag(name = "RAG")
class RagController {

    /** Every field but {@code query} optional. */
    record SearchRequest(
            @Schema(example = "async await coroutine") String query,
            @Schema(description = "semantic, lexical or hybrid (default)") String mode,
            @Schema(description = "1 to 50, default 10") Integer topK,
            @Schema(description = "least cosine similarity for semantic matches, default 0.7") Double threshold,
            @Schema(description = "only this deck and its sub-decks") UUID deckId,
            @Schema(description = "draft, approved, synced, sync_failed; default any") List<String> statuses,
            @Schema(description = "only cards with these tags (ignoring case); default any tags") List<String> tags,
            @Schema(description = "any (default): cards with at least one of the tags; all: cards with every one") String tagsMatch,
            @Schema(description = "answer each card's fields, default true") Boolean includeSources) {
    }

    record SearchResult(UUID cardId, double score, Map<String, String> fields, UUID deckId, String deckName, String status) {
    }

    record SearchResponse(List<SearchResult> results, String query, String mode) {
    }

    /** One embedding model of the index: {@code serving} answers searches, {@code building} takes over once complete. */
    record IndexModelResponse(String model, String state, long cards, long embedded, long pending, long failed,
                              String lastError) {
    }

    /**
     * {@code pending} cards wait for their first embedding, {@code failed} ones failed and are retried with growing
     * pauses; {@code caught_up} once every event is in, every card has its vector and the configured model serves.
     */
    record IndexResponse(String model, String servingModel, boolean rebuilding, long position, long head, long pending,
                         long failed, boolean caughtUp, List<IndexModelResponse> models) {
    }

    /** Either saved cards ({@code card_ids}) or unsaved {@code candidates}, each a map of field name to value. */
    record DuplicatesRequest(List<UUID> cardIds, List<Map<String, String>> candidates, Double threshold) {
    }

    /** @param candidateIndex set for a candidate, {@code card_id} for a saved card */
    record DuplicateResponse(UUID cardId, Integer candidateIndex, UUID similarTo, double similarity) {
    }

    record DuplicatesResponse(List<DuplicateResponse> duplicates, double threshold) {
    }

    private final SearchCardsQuery search;
    private final RebuildSearchIndexUseCase index;
    private final FindDuplicatesQuery duplicates;
    private final RagStatusQuery status;

    RagController(SearchCardsQuery search, RebuildSearchIndexUseCase index, FindDuplicatesQuery duplicates, RagStatusQuery status) {
        this.duplicates = duplicates;
        this.search = search;
        this.index = index;
        this.status = status;
    }

    @GetMapping("/status")
    @Operation(summary = "The active embedding model and the languages it knows, index coverage per model, and the "
            + "caller's cards per detected language")
    RagStatusQuery.RagStatus status(@AuthenticationPrincipal CurrentUser caller) {
        return status.status(caller.id());
    }

    @PostMapping("/search")
    @Operation(summary = "Find the caller's cards by meaning (semantic), words (lexical) or both (hybrid, rank fusion)")
    SearchResponse search(@AuthenticationPrincipal CurrentUser caller, @RequestBody SearchRequest request) {
        SearchMode mode = mode(request.mode());
        CardSearch query = new CardSearch(request.query(), mode,
                request.topK() == null ? SearchCardsQuery.DEFAULT_TOP_K : request.topK(),
                request.threshold() == null ? SearchCardsQuery.DEFAULT_THRESHOLD : request.threshold(),
                request.deckId() == null ? null : new DeckId(request.deckId()),
                statuses(request.statuses()),
                request.tags(),
                tagMatch(request.tagsMatch()),
                request.includeSources() == null || request.includeSources());
        List<SearchResult> results = search.search(caller.id(), query).stream().map(RagController::result).toList();
        return new SearchResponse(results, request.query(), mode.name().toLowerCase(Locale.ROOT));
    }

    @PostMapping("/duplicates")
    @Operation(summary = "Existing cards of the caller that say the same as the given cards or candidates (cosine similarity)")
    DuplicatesResponse duplicates(@AuthenticationPrincipal CurrentUser caller, @RequestBody DuplicatesRequest request) {
        double threshold = request.threshold() == null ? FindDuplicatesQuery.DEFAULT_THRESHOLD : request.threshold();
        boolean byCards = request.cardIds() != null && !request.cardIds().isEmpty();
        boolean byCandidates = request.candidates() != null && !request.candidates().isEmpty();
        if (byCards == byCandidates) {
            throw new DomainException(ErrorCode.REQ_002, "send either card_ids or candidates");
        }
        List<FindDuplicatesQuery.Duplicate> found = byCards
                ? duplicates.duplicatesOfCards(caller.id(), request.cardIds().stream().map(CardId::new).toList(), threshold)
                : duplicates.duplicatesOfCandidates(caller.id(), request.candidates(), threshold);
        return new DuplicatesResponse(found.stream()
                .map(d -> byCards
                        ? new DuplicateResponse(UUID.fromString(d.item()), null, d.similarTo().value(), d.similarity())
                        : new DuplicateResponse(null, Integer.valueOf(d.item()), d.similarTo().value(), d.similarity()))
                .toList(), threshold);
    }

    @PostMapping("/index")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Replay the search index from the event store (vectors of unchanged texts are kept, failed cards "
            + "retried at once); poll GET for progress")
    IndexResponse rebuild() {
        return response(index.rebuildIndex());
    }

    @GetMapping("/index")
    @Operation(summary = "How far the search index has caught up: events taken in, cards waiting for or failing their "
            + "embedding, per model")
    IndexResponse progress() {
        return response(index.indexProgress());
    }

    private static IndexResponse response(SearchIndexProgress progress) {
        return new IndexResponse(progress.model(), progress.servingModel(), progress.rebuilding(), progress.position(),
                progress.head(), progress.pending(), progress.failed(), progress.caughtUp(),
                progress.models().stream().map(model -> new IndexModelResponse(model.model(), model.state(), model.cards(),
                        model.embedded(), model.pending(), model.failed(), model.lastError())).toList());
    }

    private static SearchResult result(SearchHit hit) {
        return new SearchResult(hit.cardId().value(), hit.score(), hit.fields(), hit.deckId().value(), hit.deckName(),
                hit.status().name().toLowerCase(Locale.ROOT));
    }

    private static SearchMode mode(String value) {
        if (value == null || value.isBlank()) {
            return SearchMode.HYBRID;
        }
        try {
            return SearchMode.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new DomainException(ErrorCode.REQ_002, "mode must be semantic, lexical or hybrid");
        }
    }

    private static TagMatch tagMatch(String value) {
        if (value == null || value.isBlank()) {
            return TagMatch.ANY;
        }
        try {
            return TagMatch.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new DomainException(ErrorCode.REQ_002, "tags_match must be any or all");
        }
    }

    private static Set<CardStatus> statuses(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        Set<CardStatus> statuses = EnumSet.noneOf(CardStatus.class);
        for (String value : values) {
            try {
                statuses.add(CardStatus.valueOf(String.valueOf(value).strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                throw new DomainException(ErrorCode.REQ_002, "statuses must be among draft, approved, rejected, synced, sync_failed");
            }
        }
        return statuses;
    }
}
