package io.ankirag.application.generation;

import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.deck.DeckView;
import io.ankirag.application.port.in.deck.ManageDecksUseCase;
import io.ankirag.application.port.in.deck.ManageDecksUseCase.NewDeck;
import io.ankirag.application.port.in.generation.CancelGenerationUseCase;
import io.ankirag.application.port.in.generation.CardGenerationView;
import io.ankirag.application.port.in.generation.GenerationJobQuery;
import io.ankirag.application.port.in.generation.GenerationJobView;
import io.ankirag.application.port.in.generation.RequestGenerationUseCase;
import io.ankirag.application.port.in.prompt.PromptView;
import io.ankirag.application.port.out.command.SendCommandPort;
import io.ankirag.application.port.out.deck.DeckReadModelPort;
import io.ankirag.application.port.out.generation.GenerationJobReadModelPort;
import io.ankirag.application.port.out.idempotency.IdempotencyKeysPort;
import io.ankirag.application.port.out.prompt.PromptReadModelPort;
import io.ankirag.application.port.out.signal.SignalsPort;
import io.ankirag.application.ratelimit.RateLimiter;
import io.ankirag.application.port.out.user.LoadUserPort;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.generation.Difficulty;
import io.ankirag.domain.generation.GenerationJobCommand.CancelGeneration;
import io.ankirag.domain.generation.GenerationJobCommand.RequestGeneration;
import io.ankirag.domain.generation.GenerationJobId;
import io.ankirag.domain.generation.GenerationRequest;
import io.ankirag.domain.generation.GenerationStatus;
import io.ankirag.domain.prompt.PromptCategory;
import io.ankirag.domain.prompt.PromptId;
import io.ankirag.domain.prompt.PromptVersionId;
import io.ankirag.domain.prompt.SystemPrompts;
import io.ankirag.domain.user.User;
import io.ankirag.domain.user.UserId;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes generation requests and answers what became of them. The work itself is done by {@link GenerationWorker}s
 * on whichever instance claims the job; this side only records the request, so it answers at once.
 */
public class GenerationService implements RequestGenerationUseCase, CancelGenerationUseCase, GenerationJobQuery {

    static final String IDEMPOTENCY_SCOPE = "generation";
    static final String RATE_LIMIT_BUCKET = "generation";
    static final int DEFAULT_NUM_CARDS = 10;

    private final SendCommandPort commands;
    private final GenerationJobReadModelPort jobs;
    private final DeckReadModelPort decks;
    private final ManageDecksUseCase deckManager;
    private final PromptReadModelPort prompts;
    private final LoadUserPort users;
    private final RateLimiter rateLimiter;
    private final IdempotencyKeysPort idempotencyKeys;
    private final SignalsPort signals;
    private final GenerationSettings settings;
    private final Clock clock;

    public GenerationService(SendCommandPort commands, GenerationJobReadModelPort jobs, DeckReadModelPort decks,
                             ManageDecksUseCase deckManager, PromptReadModelPort prompts, LoadUserPort users,
                             RateLimiter rateLimiter, IdempotencyKeysPort idempotencyKeys, SignalsPort signals,
                             GenerationSettings settings, Clock clock) {
        this.commands = commands;
        this.jobs = jobs;
        this.decks = decks;
        this.deckManager = deckManager;
        this.prompts = prompts;
        this.users = users;
        this.rateLimiter = rateLimiter;
        this.idempotencyKeys = idempotencyKeys;
        this.signals = signals;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Checks everything that needs no side effect first; then the idempotency key (a repeat answers its job and
     * costs no rate), then the rate limit; only then is a default deck made and the job recorded.
     */
    @Override
    public GenerationAccepted requestGeneration(UserId caller, GenerationOrder order) {
        String key = idempotencyKey(order.idempotencyKey());
        PromptView prompt = prompt(order.promptId());
        Optional<DeckId> deck = order.deckId() == null ? defaultDeck(caller) : Optional.of(requireDeck(caller, order.deckId()));
        // Validates topic, size and language now; the deck is filled in below if it has yet to be made.
        GenerationRequest request = new GenerationRequest(order.topic(),
                order.numCards() == null ? DEFAULT_NUM_CARDS : order.numCards(),
                deck.orElse(new DeckId(new UUID(0L, 0L))), prompt.promptId(), prompt.id(), language(caller, order.language()),
                Difficulty.of(order.difficulty()),
                Boolean.TRUE.equals(order.factCheck()),
                order.includeSources() == null || order.includeSources());
        GenerationJobId id = GenerationJobId.newId(clock);
        if (key != null) {
            Optional<String> earlier = idempotencyKeys.bindIfAbsent(IDEMPOTENCY_SCOPE, caller.toString(), key, id.toString(),
                    settings.idempotencyWindow());
            if (earlier.isPresent()) {
                GenerationJobId existing = GenerationJobId.of(earlier.get());
                GenerationStatus status = jobs.job(existing).map(GenerationJobView::status).orElse(GenerationStatus.PENDING);
                return new GenerationAccepted(existing, status, true);
            }
        }
        try {
            rateLimiter.acquire(settings.rateLimit(), caller);
            if (deck.isEmpty()) {
                DeckId made = deckManager.createDeck(caller, new NewDeck(settings.defaultDeckName(), null, null)).id();
                request = new GenerationRequest(request.topic(), request.numCards(), made, request.promptId(),
                        request.promptVersionId(), request.language(), request.difficulty(), request.factCheck(),
                        request.includeSources());
            }
            commands.send(new RequestGeneration(id, caller, request, clock.instant()));
        } catch (RuntimeException notStarted) {
            if (key != null) {
                idempotencyKeys.release(IDEMPOTENCY_SCOPE, caller.toString(), key);
            }
            throw notStarted;
        }
        return new GenerationAccepted(id, GenerationStatus.PENDING, false);
    }

    @Override
    public GenerationJobView cancelGeneration(UserId caller, GenerationJobId id) {
        ownJob(caller, id);
        commands.send(new CancelGeneration(id, caller, clock.instant()));
        return ownJob(caller, id);
    }

    @Override
    public GenerationJobDetails job(UserId caller, GenerationJobId id) {
        GenerationJobView job = ownJob(caller, id);
        return new GenerationJobDetails(job, jobs.cards(id, 0), jobs.issues(id));
    }

    @Override
    public Page<GenerationJobView> jobs(UserId caller, PageRequest page) {
        return jobs.jobsOf(caller, page);
    }

    @Override
    public GenerationUpdate update(UserId caller, GenerationJobId id, int afterSequence) {
        GenerationJobView job = ownJob(caller, id);
        return new GenerationUpdate(job, jobs.cards(id, Math.max(0, afterSequence)));
    }

    @Override
    public JobWatch watch(UserId caller, GenerationJobId id, Runnable onNews) {
        ownJob(caller, id);
        SignalsPort.Subscription subscription = signals.subscribe(GenerationSignals.job(id), message -> onNews.run());
        return subscription::close;
    }

    @Override
    public Optional<CardGenerationView> generationOf(UserId caller, CardId card) {
        return jobs.generationOf(card).filter(info -> info.ownerId().equals(caller));
    }

    private GenerationJobView ownJob(UserId caller, GenerationJobId id) {
        return jobs.job(id)
                .filter(job -> job.ownerId().equals(caller))
                .orElseThrow(() -> new DomainException(ErrorCode.GEN_003, "no generation job with id " + id));
    }

    private String idempotencyKey(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        String stripped = key.strip();
        if (stripped.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
            throw new DomainException(ErrorCode.REQ_002, "idempotency_key must be at most " + MAX_IDEMPOTENCY_KEY_LENGTH
                    + " characters");
        }
        return stripped;
    }

    /** A version's id names that version; a prompt's id names its active version; none names the system generator. */
    private PromptView prompt(UUID id) {
        PromptView prompt;
        if (id == null) {
            prompt = prompts.activeVersion(SystemPrompts.CARD_GENERATOR.value())
                    .orElseThrow(() -> new DomainException(ErrorCode.PROMPT_001, "the system prompt '"
                            + SystemPrompts.CARD_GENERATOR.value() + "' is missing"));
        } else {
            prompt = prompts.version(new PromptVersionId(id))
                    .or(() -> prompts.activeVersion(new PromptId(id)))
                    .orElseThrow(() -> new DomainException(ErrorCode.PROMPT_001, "no prompt or prompt version with id " + id));
        }
        if (prompt.category() != PromptCategory.GENERATION) {
            throw new DomainException(ErrorCode.GEN_002, "prompt '" + prompt.name() + "' is a "
                    + prompt.category().wireName() + " prompt; generation needs a generation prompt");
        }
        return prompt;
    }

    private DeckId requireDeck(UserId caller, DeckId deck) {
        return decks.deckOf(caller, deck)
                .map(DeckView::id)
                .orElseThrow(() -> new DomainException(ErrorCode.DECK_001, "no deck with id " + deck));
    }

    private Optional<DeckId> defaultDeck(UserId caller) {
        return decks.allDecksOf(caller).stream()
                .filter(deck -> deck.parentId() == null && deck.name().equals(settings.defaultDeckName()))
                .map(DeckView::id)
                .findFirst();
    }

    private String language(UserId caller, String language) {
        if (language != null && !language.isBlank()) {
            return language;
        }
        return users.userById(caller).map(User::preferences).map(p -> p.preferredLanguage()).orElse("en");
    }

}
