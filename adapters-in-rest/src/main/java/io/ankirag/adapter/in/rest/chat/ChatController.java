package io.ankirag.adapter.in.rest.chat;

import io.ankirag.adapter.in.rest.chat.ChatDtos.CardsFromAnswerRequest;
import io.ankirag.adapter.in.rest.chat.ChatDtos.CardsFromAnswerResponse;
import io.ankirag.adapter.in.rest.chat.ChatDtos.ContextDto;
import io.ankirag.adapter.in.rest.chat.ChatDtos.CreateSessionRequest;
import io.ankirag.adapter.in.rest.chat.ChatDtos.MessagePage;
import io.ankirag.adapter.in.rest.chat.ChatDtos.MessageResponse;
import io.ankirag.adapter.in.rest.chat.ChatDtos.SessionDetailsResponse;
import io.ankirag.adapter.in.rest.chat.ChatDtos.SessionResponse;
import io.ankirag.adapter.in.rest.chat.ChatDtos.SourceResponse;
import io.ankirag.adapter.in.rest.chat.ChatDtos.UpdateSessionRequest;
import io.ankirag.adapter.in.rest.page.PageResponse;
import io.ankirag.adapter.in.rest.security.CurrentUser;
import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.chat.CardsFromAnswerUseCase;
import io.ankirag.application.port.in.chat.CardsFromAnswerUseCase.CardsFromAnswerOrder;
import io.ankirag.application.port.in.chat.ChatMessageView;
import io.ankirag.application.port.in.chat.ChatSessionQuery;
import io.ankirag.application.port.in.chat.ChatSessionQuery.ChatSessionDetails;
import io.ankirag.application.port.in.chat.ChatSessionView;
import io.ankirag.application.port.in.chat.ManageChatSessionsUseCase;
import io.ankirag.application.port.in.chat.ManageChatSessionsUseCase.ChatSessionChanges;
import io.ankirag.application.port.in.chat.ManageChatSessionsUseCase.NewChatSession;
import io.ankirag.application.port.in.generation.RequestGenerationUseCase.GenerationAccepted;
import io.ankirag.domain.chat.ChatMessageId;
import io.ankirag.domain.chat.ChatSessionId;
import io.ankirag.domain.deck.DeckId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Chat sessions (spec 5.5). The answer stream, {@code POST /api/chat/sessions/{id}/messages}, is in the SSE adapter.
 * Another user's session answers 404 {@code CHAT_001}, exactly like one that never existed.
 */
@RestController
@RequestMapping("/api/chat/sessions")
@Tag(name = "Chat")
class ChatController {

    private final ManageChatSessionsUseCase manage;
    private final ChatSessionQuery sessions;
    private final CardsFromAnswerUseCase cardsFromAnswer;

    ChatController(ManageChatSessionsUseCase manage, ChatSessionQuery sessions, CardsFromAnswerUseCase cardsFromAnswer) {
        this.manage = manage;
        this.sessions = sessions;
        this.cardsFromAnswer = cardsFromAnswer;
    }

    @PostMapping({"", "/"})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a chat session, optionally grounded in one deck's subtree and about a topic")
    SessionResponse create(@AuthenticationPrincipal CurrentUser caller, @Valid @RequestBody CreateSessionRequest body) {
        ContextDto context = body.context();
        return session(manage.startSession(caller.id(), new NewChatSession(body.title(),
                context == null || context.deckId() == null ? null : new DeckId(context.deckId()),
                context == null ? null : context.topic())));
    }

    @GetMapping({"", "/"})
    @Operation(summary = "The caller's chat sessions, newest first; archived=true lists the archived ones")
    PageResponse<SessionResponse> list(@AuthenticationPrincipal CurrentUser caller,
                                       @RequestParam(defaultValue = "false") boolean archived,
                                       @RequestParam(defaultValue = "1") int page,
                                       @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        return PageResponse.of(sessions.sessions(caller.id(), archived, new PageRequest(page, size)), ChatController::session);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A session with a page of its messages in the order written (page 1 holds the oldest)")
    SessionDetailsResponse get(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id,
                               @RequestParam(defaultValue = "1") int page,
                               @RequestParam(defaultValue = "" + PageRequest.MAX_SIZE) int size) {
        ChatSessionDetails details = sessions.session(caller.id(), new ChatSessionId(id), new PageRequest(page, size));
        ChatSessionView session = details.session();
        Page<MessageResponse> messages = details.messages().map(ChatController::message);
        return new SessionDetailsResponse(session.id().value(), session.title(), context(session), session.archived(),
                session.messageCount(), session.createdAt(), session.updatedAt(),
                new MessagePage(messages.items(), messages.total(), messages.page(), messages.size(), messages.pages()));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Rename a session, archive it (no new messages) or restore it")
    SessionResponse update(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id,
                           @Valid @RequestBody UpdateSessionRequest body) {
        return session(manage.changeSession(caller.id(), new ChatSessionId(id), new ChatSessionChanges(body.title(), body.archived())));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a session with its messages")
    void delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
        manage.deleteSession(caller.id(), new ChatSessionId(id));
    }

    @PostMapping("/{id}/messages/{messageId}/cards")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Draft cards from an assistant's answer: starts a generation job like POST /api/generate "
            + "(404 CHAT_004 for a message that is not an answer; 429 RATE_001 past the generation rate limit)")
    CardsFromAnswerResponse cards(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id,
                                  @PathVariable UUID messageId,
                                  @Valid @RequestBody(required = false) CardsFromAnswerRequest body,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyHeader) {
        CardsFromAnswerRequest order = body == null ? new CardsFromAnswerRequest(null, null, null, null, null) : body;
        String key = order.idempotencyKey() != null && !order.idempotencyKey().isBlank() ? order.idempotencyKey() : idempotencyHeader;
        GenerationAccepted accepted = cardsFromAnswer.cardsFromAnswer(caller.id(), new ChatSessionId(id), new ChatMessageId(messageId),
                new CardsFromAnswerOrder(order.numCards(), order.deckId() == null ? null : new DeckId(order.deckId()),
                        order.language(), order.difficulty(), key));
        return new CardsFromAnswerResponse(accepted.jobId().value(), accepted.status().wireName(),
                accepted.repeated() ? "Generation job already started with this idempotency key" : "Generation job created");
    }

    private static SessionResponse session(ChatSessionView session) {
        return new SessionResponse(session.id().value(), session.title(), context(session), session.archived(),
                session.messageCount(), session.createdAt(), session.updatedAt());
    }

    private static ContextDto context(ChatSessionView session) {
        return new ContextDto(session.deckId() == null ? null : session.deckId().value(), session.topic());
    }

    private static MessageResponse message(ChatMessageView message) {
        return new MessageResponse(message.id().value(), message.sequence(), message.role().wireName(), message.content(),
                message.model(), message.inputTokens(), message.outputTokens(),
                message.sources().stream().map(source -> new SourceResponse(source.cardId().value(),
                        source.deckId() == null ? null : source.deckId().value(), source.score(), source.snippet(),
                        source.cited())).toList(),
                message.finishReason(), message.complete(), message.createdAt());
    }
}
