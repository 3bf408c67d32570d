package io.ankirag.adapter.out.persistence.rag;

import org.jdbi.v3.core.Handle;

/**
 * Orders changes to the set of indexed models against the projection's writes, across instances (a PostgreSQL
 * advisory lock held until the transaction ends). Building a new model copies every card's row of the serving
 * model under the exclusive lock; the projection holds the shared lock while it writes, and reads which models
 * are active only after taking it. So no card change falls between the copy and the projection's next write.
 */
final class IndexedModelsLock {

    /** "ankirag" and a 1: any constant no other code of ours uses. */
    private static final long KEY = 0x616e6b6972616701L;

    private IndexedModelsLock() {
    }

    static void shared(Handle handle) {
        handle.createQuery("SELECT 1 FROM pg_advisory_xact_lock_shared(:key)").bind("key", KEY).mapTo(Integer.class).one();
    }

    static void exclusive(Handle handle) {
        handle.createQuery("SELECT 1 FROM pg_advisory_xact_lock(:key)").bind("key", KEY).mapTo(Integer.class).one();
    }
}
