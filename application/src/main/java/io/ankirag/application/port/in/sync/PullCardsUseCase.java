package io.ankirag.application.port.in.sync;

import io.ankirag.domain.user.UserId;

/** {@code POST /api/sync/pull}: brings notes and their edits from the owner's Anki in, as a queued task. */
public interface PullCardsUseCase {

    /**
     * @param deckPath       an Anki deck path ({@code A::B}) whose subtree is pulled, or {@code null} for all decks
     * @param sinceLastPull  only notes changed in Anki since the owner's last completed pull
     */
    SyncTaskView pull(UserId owner, String deckPath, boolean sinceLastPull, boolean viaAgent);
}
