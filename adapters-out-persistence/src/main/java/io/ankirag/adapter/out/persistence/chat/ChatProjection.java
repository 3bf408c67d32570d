package io.ankirag.adapter.out.persistence.chat;

import static io.ankirag.adapter.out.persistence.jdbc.SqlTimes.utc;

import io.ankirag.domain.chat.ChatSessionEvent;
import io.ankirag.domain.chat.ChatSessionEvent.AnswerRecorded;
import io.ankirag.domain.chat.ChatSessionEvent.ChatSessionArchived;
import io.ankirag.domain.chat.ChatSessionEvent.ChatSessionDeleted;
import io.ankirag.domain.chat.ChatSessionEvent.ChatSessionRenamed;
import io.ankirag.domain.chat.ChatSessionEvent.ChatSessionRestored;
import io.ankirag.domain.chat.ChatSessionEvent.ChatSessionStarted;
import io.ankirag.domain.chat.ChatSessionEvent.QuestionAsked;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code chat_sessions} and {@code chat_messages}. A message is inserted once under its id ({@code ON CONFLICT
 * DO NOTHING}) and the session's count is recounted, so a replay is safe.
 */
@Component
@ProcessingGroup(ChatProjection.PROCESSING_GROUP)
class ChatProjection {

    static final String PROCESSING_GROUP = "chat";

    private final Jdbi jdbi;

    ChatProjection(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @EventHandler
    void on(ChatSessionEvent event) {
        jdbi.useHandle(h -> {
            UUID session = event.sessionId().value();
            switch (event) {
                case ChatSessionStarted started -> h.createUpdate("""
                                INSERT INTO chat_sessions (id, owner_id, title, deck_id, topic, created_at, updated_at)
                                VALUES (:id, :owner, :title, :deck, :topic, :at, :at)
                                ON CONFLICT (id) DO NOTHING
                                """)
                        .bind("id", session)
                        .bind("owner", started.ownerId().value())
                        .bind("title", started.title())
                        .bind("deck", started.deckId() == null ? null : started.deckId().value())
                        .bind("topic", started.topic())
                        .bind("at", utc(started.at()))
                        .execute();
                case QuestionAsked asked -> insertMessage(h, session, asked.messageId().value(), "user", asked.content(),
                        null, 0, 0, "[]", null, true, asked.at());
                case AnswerRecorded answered -> insertMessage(h, session, answered.messageId().value(), "assistant",
                        answered.content(), answered.model(), answered.inputTokens(), answered.outputTokens(),
                        ChatJson.sources(answered.sources()), answered.finishReason(), answered.complete(), answered.at());
                case ChatSessionRenamed renamed -> update(h, session, "title = :value", renamed.title(), renamed.at());
                case ChatSessionArchived archived -> update(h, session, "archived = :value", true, archived.at());
                case ChatSessionRestored restored -> update(h, session, "archived = :value", false, restored.at());
                case ChatSessionDeleted deleted -> {
                    h.createUpdate("DELETE FROM chat_messages WHERE session_id = :id").bind("id", session).execute();
                    h.createUpdate("DELETE FROM chat_sessions WHERE id = :id").bind("id", session).execute();
                }
            }
        });
    }

    @ResetHandler
    void reset() {
        jdbi.useHandle(h -> h.execute("TRUNCATE chat_sessions, chat_messages"));
    }

    private static void insertMessage(Handle h, UUID session, UUID id, String role, String content, String model,
                                      int inputTokens, int outputTokens, String sources, String finishReason,
                                      boolean complete, Instant at) {
        h.createUpdate("""
                        INSERT INTO chat_messages (session_id, sequence, id, role, content, model, input_tokens, output_tokens,
                            sources, finish_reason, complete, created_at)
                        SELECT :session, COALESCE(MAX(sequence), 0) + 1, :id, :role, :content, :model, :input, :output,
                            CAST(:sources AS jsonb), :finish, :complete, :at
                        FROM chat_messages WHERE session_id = :session
                        ON CONFLICT (id) DO NOTHING
                        """)
                .bind("session", session)
                .bind("id", id)
                .bind("role", role)
                .bind("content", content)
                .bind("model", model)
                .bind("input", inputTokens)
                .bind("output", outputTokens)
                .bind("sources", sources)
                .bind("finish", finishReason)
                .bind("complete", complete)
                .bind("at", utc(at))
                .execute();
        h.createUpdate("""
                        UPDATE chat_sessions SET updated_at = GREATEST(updated_at, :at),
                            message_count = (SELECT count(*) FROM chat_messages WHERE session_id = :id)
                        WHERE id = :id
                        """)
                .bind("id", session)
                .bind("at", utc(at))
                .execute();
    }

    private static void update(Handle h, UUID session, String assignment, Object value, Instant at) {
        h.createUpdate("UPDATE chat_sessions SET " + assignment + ", updated_at = GREATEST(updated_at, :at) WHERE id = :id")
                .bind("value", value)
                .bind("at", utc(at))
                .bind("id", session)
                .execute();
    }
}
