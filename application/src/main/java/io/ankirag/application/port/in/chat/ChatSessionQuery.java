package io.ankirag.application.port.in.chat;

import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.domain.chat.ChatSessionId;
import io.ankirag.domain.user.UserId;

/** The caller's chat sessions and their messages. */
public interface ChatSessionQuery {

    record ChatSessionDetails(ChatSessionView session, Page<ChatMessageView> messages) {
    }

    /** Archived or not as asked, newest first. */
    Page<ChatSessionView> sessions(UserId caller, boolean archived, PageRequest page);

    /**
     * The session with a page of its messages in the order written.
     *
     * @throws io.ankirag.domain.error.DomainException {@code CHAT_001} not the caller's session
     */
    ChatSessionDetails session(UserId caller, ChatSessionId id, PageRequest messages);
}
