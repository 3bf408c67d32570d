package io.ankirag.application.port.out.rag;

/** Runs the search index's projection: its progress, and resetting it to rebuild from the first event. */
public interface RebuildSearchIndexPort {

    /** @param position last event handled, {@code -1} before any; {@code head} last event stored */
    record IndexPosition(boolean rebuilding, long position, long head) {
    }

    /** @throws io.ankirag.domain.error.DomainException {@code SYS_002} when another instance holds the projection */
    void rebuild();

    IndexPosition position();
}
