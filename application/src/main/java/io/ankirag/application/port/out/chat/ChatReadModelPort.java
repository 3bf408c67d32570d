package io.ankirag.application.port.out.chat;

import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.chat.ChatMessageView;
import io.ankirag.application.port.in.chat.ChatSessionView;
import io.ankirag.domain.chat.ChatMessageId;
import io.ankirag.domain.chat.ChatSessionId;
import io.ankirag.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/** The chat read model: sessions and their messages; deleted sessions are gone from it. */
public interface ChatReadModelPort {

    Optional<ChatSessionView> session(ChatSessionId id);

    /** The owner's sessions, archived or not as asked, newest first. */
    Page<ChatSessionView> sessionsOf(UserId owner, boolean archived, PageRequest page);

    /** A session's messages in the order written. */
    Page<ChatMessageView> messages(ChatSessionId session, PageRequest page);

    /** The last {@code limit} messages of a session, oldest of them first. */
    List<ChatMessageView> latestMessages(ChatSessionId session, int limit);

    Optional<ChatMessageView> message(ChatSessionId session, ChatMessageId id);
}
