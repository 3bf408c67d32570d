package io.ankirag.application.port.in.generation;

import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.generation.GenerationJobId;
import io.ankirag.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/** The caller's generation jobs; anyone else's answer {@code GEN_003}, as a job that does not exist does. */
public interface GenerationJobQuery {

    /** A job with every card it made (in order) and every candidate it dropped or rejected. */
    record GenerationJobDetails(GenerationJobView job, List<GeneratedCardView> cards, List<GenerationIssueView> issues) {
    }

    /** The job now, and the cards it made after card {@code afterSequence}: what a stream sends next. */
    record GenerationUpdate(GenerationJobView job, List<GeneratedCardView> newCards) {
    }

    /** A live watch on a job; closing it stops the calls. */
    interface JobWatch extends AutoCloseable {
        @Override
        void close();
    }

    GenerationJobDetails job(UserId caller, GenerationJobId id);

    /** Newest first. */
    Page<GenerationJobView> jobs(UserId caller, PageRequest page);

    GenerationUpdate update(UserId caller, GenerationJobId id, int afterSequence);

    /**
     * Calls {@code onNews} (on some other thread, quickly) whenever the job may have changed, whichever instance
     * changed it; read {@link #update} to see what. A call may be missed, so poll now and then as well.
     */
    JobWatch watch(UserId caller, GenerationJobId id, Runnable onNews);

    /** How one of the caller's cards was generated; empty when no job of theirs made it. */
    Optional<CardGenerationView> generationOf(UserId caller, CardId card);
}
