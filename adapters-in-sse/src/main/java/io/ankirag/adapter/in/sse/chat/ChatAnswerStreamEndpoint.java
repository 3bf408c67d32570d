package io.ankirag.adapter.in.sse.chat;

import io.ankirag.application.port.in.chat.AskAssistantUseCase;
import io.ankirag.application.port.in.chat.AskAssistantUseCase.AnswerListener;
import io.ankirag.application.port.in.chat.AskAssistantUseCase.AnswerMetadata;
import io.ankirag.application.port.in.chat.AskAssistantUseCase.PendingAnswer;
import io.ankirag.domain.chat.ChatMessageId;
import io.ankirag.domain.chat.ChatSessionId;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.user.UserId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code POST /api/chat/sessions/{id}/messages} (spec 5.5): the answer as Server-Sent Events, {@code content} events
 * with the text as the model writes it, then one {@code metadata} (tokens and sources), then {@code done} with the
 * answer's id; or, when the answer breaks off, {@code error} with its code. Refusals (an unknown session, an archived
 * one, an answer still being written, the rate limit) come before the stream, as plain problem responses.
 *
 * <p>A client that goes away stops the model: the next chunk finds the connection closed, and the model call is
 * cancelled with it.
 */
@RestController
class ChatAnswerStreamEndpoint {

    record MessageRequest(String content) {
    }

    record ContentEvent(String chunk) {
    }

    record SourceData(UUID cardId, UUID deckId, String deckName, double score, String snippet, boolean cited) {
    }

    record MetadataEvent(int tokens, int inputTokens, int outputTokens, String model, List<SourceData> sources) {
    }

    record DoneEvent(UUID messageId) {
    }

    record ErrorEvent(String code, String message) {
    }

    private final AskAssistantUseCase assistant;
    private final Duration timeout;

    ChatAnswerStreamEndpoint(AskAssistantUseCase assistant, @Value("${ankirag.chat.stream.timeout:10m}") Duration timeout) {
        this.assistant = assistant;
        this.timeout = timeout;
    }

    @PostMapping(path = "/api/chat/sessions/{id}/messages", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter ask(@AuthenticationPrincipal(expression = "id()") UserId caller, @PathVariable UUID id,
                   @RequestBody MessageRequest body) {
        PendingAnswer answer = assistant.ask(caller, new ChatSessionId(id), body.content());
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        Listener listener = new Listener(emitter);
        Thread.ofVirtual().name("chat-answer-" + answer.questionId()).start(() -> {
            answer.answer(listener);
            listener.finish();
        });
        return emitter;
    }

    /** Sends each event as it comes; once the client is gone every send throws, which stops the model. */
    private static final class Listener implements AnswerListener {

        private final SseEmitter emitter;
        private volatile boolean gone;

        Listener(SseEmitter emitter) {
            this.emitter = emitter;
            emitter.onCompletion(() -> gone = true);
            emitter.onTimeout(() -> gone = true);
            emitter.onError(error -> gone = true);
        }

        @Override
        public void chunk(String text) {
            send("content", new ContentEvent(text));
        }

        @Override
        public void metadata(AnswerMetadata metadata) {
            sendQuietly("metadata", new MetadataEvent(metadata.tokens(), metadata.inputTokens(), metadata.outputTokens(),
                    metadata.model(), metadata.sources().stream().map(source -> new SourceData(source.source().cardId().value(),
                            source.source().deckId() == null ? null : source.source().deckId().value(), source.deckName(),
                            source.source().score(), source.source().snippet(), source.source().cited())).toList()));
        }

        @Override
        public void done(ChatMessageId answerId) {
            sendQuietly("done", new DoneEvent(answerId.value()));
        }

        @Override
        public void error(ErrorCode code, String message) {
            sendQuietly("error", new ErrorEvent(code.name(), message));
        }

        void finish() {
            if (!gone) {
                try {
                    emitter.complete();
                } catch (IllegalStateException alreadyOver) {
                    // the client went away meanwhile
                }
            }
        }

        private void send(String name, Object data) {
            if (gone) {
                throw new IllegalStateException("the client has gone");
            }
            try {
                emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
            } catch (IOException broken) {
                gone = true;
                throw new UncheckedIOException(broken);
            }
        }

        private void sendQuietly(String name, Object data) {
            try {
                send(name, data);
            } catch (RuntimeException nobodyListens) {
                // the answer is recorded all the same
            }
        }
    }
}
