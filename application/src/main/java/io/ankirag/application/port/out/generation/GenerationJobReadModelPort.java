package io.ankirag.application.port.out.generation;

import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.generation.CardGenerationView;
import io.ankirag.application.port.in.generation.GeneratedCardView;
import io.ankirag.application.port.in.generation.GenerationIssueView;
import io.ankirag.application.port.in.generation.GenerationJobView;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.generation.GenerationJobId;
import io.ankirag.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/** The generation jobs read model. */
public interface GenerationJobReadModelPort {

    /** Whoever owns it: callers check ownership. */
    Optional<GenerationJobView> job(GenerationJobId id);

    /** The owner's jobs, newest first. */
    Page<GenerationJobView> jobsOf(UserId owner, PageRequest page);

    /** The job's cards numbered above {@code afterSequence}, in order. */
    List<GeneratedCardView> cards(GenerationJobId id, int afterSequence);

    /** Every candidate the job dropped or rejected, in order. */
    List<GenerationIssueView> issues(GenerationJobId id);

    /** How the card was generated, whoever owns it (callers check ownership); empty for a card no job made. */
    Optional<CardGenerationView> generationOf(CardId card);
}
