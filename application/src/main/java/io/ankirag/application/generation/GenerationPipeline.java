package io.ankirag.application.generation;

import io.ankirag.application.generation.CardFormat.Candidate;
import io.ankirag.application.generation.CardStream.RawCard;
import io.ankirag.application.port.in.generation.GeneratedCardView;
import io.ankirag.application.port.in.generation.GenerationJobView;
import io.ankirag.application.port.in.prompt.PromptView;
import io.ankirag.application.port.in.prompt.RenderPromptUseCase;
import io.ankirag.application.port.in.prompt.RenderPromptUseCase.RenderedPrompt;
import io.ankirag.application.port.in.rag.FindDuplicatesQuery;
import io.ankirag.application.port.in.rag.FindDuplicatesQuery.CandidateMatch;
import io.ankirag.application.port.in.rag.FindDuplicatesQuery.Duplicate;
import io.ankirag.application.port.in.rag.SearchCardsQuery;
import io.ankirag.application.port.in.rag.SearchCardsQuery.CardSearch;
import io.ankirag.application.port.in.rag.SearchCardsQuery.SearchHit;
import io.ankirag.application.port.in.rag.SearchCardsQuery.SearchMode;
import io.ankirag.application.port.out.command.SendCommandPort;
import io.ankirag.application.port.out.generation.GenerationJobReadModelPort;
import io.ankirag.application.port.out.llm.ChatModelPort;
import io.ankirag.application.port.out.llm.ChatModelPort.LlmRequest;
import io.ankirag.application.port.out.llm.ChatModelPort.LlmResponse;
import io.ankirag.application.port.out.llm.FactCheckPort;
import io.ankirag.application.port.out.llm.FactCheckPort.FactCheckResult;
import io.ankirag.application.port.out.prompt.PromptReadModelPort;
import io.ankirag.application.port.out.prompt.RecordPromptExecutionPort;
import io.ankirag.application.port.out.prompt.RecordPromptExecutionPort.PromptExecution;
import io.ankirag.application.port.out.prompt.RecordPromptExecutionPort.Purpose;
import io.ankirag.application.port.out.template.FindTemplateFieldsPort;
import io.ankirag.application.rag.CardText;
import io.ankirag.domain.card.CardCommand.CreateCard;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.card.CardOrigin;
import io.ankirag.domain.card.Tags;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.generation.FactCheck;
import io.ankirag.domain.generation.GenerationJobCommand;
import io.ankirag.domain.generation.GenerationJobCommand.CompleteGeneration;
import io.ankirag.domain.generation.GenerationJobCommand.DropDuplicateCandidate;
import io.ankirag.domain.generation.GenerationJobCommand.FailGeneration;
import io.ankirag.domain.generation.GenerationJobCommand.RecordGeneratedCard;
import io.ankirag.domain.generation.GenerationJobCommand.RejectCandidate;
import io.ankirag.domain.generation.GenerationJobCommand.ReportGenerationProgress;
import io.ankirag.domain.generation.GenerationJobCommand.StartGenerationRun;
import io.ankirag.domain.generation.GenerationJobId;
import io.ankirag.domain.shared.AggregateCommand;
import io.ankirag.domain.template.TemplateFields;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.template.render.AnkiTemplateRenderer;
import io.ankirag.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * One run of one job (spec 6.2): the learner's related cards as context, the prompt version rendered, the model's
 * answer streamed and read card by card; each card is checked against its template, dropped when it repeats one
 * of the learner's cards or an earlier card of the batch, fact-checked when asked, and saved as a draft with its
 * generation record as soon as it is ready, while the model is still writing the next ones.
 *
 * <p>Three threads share the work so that none waits on another's slow step: this one reads the model's stream;
 * a screener checks each card as it completes; a recorder saves the screened cards in order, after their
 * fact-checks (which run a few at a time). A run that is stopped, fails, or finds the job already done leaves the
 * cards it saved as drafts. A resumed run (after a crash) asks only for the cards still missing.
 */
public class GenerationPipeline {

    private static final System.Logger log = System.getLogger(GenerationPipeline.class.getName());
    private static final Object END = new Object();
    /** Cards saved in one transaction at most, when several are ready at once. */
    private static final int MAX_SAVED_TOGETHER = 10;

    private final SendCommandPort commands;
    private final GenerationJobReadModelPort jobs;
    private final SearchCardsQuery search;
    private final FindDuplicatesQuery duplicates;
    private final RenderPromptUseCase renderer;
    private final PromptReadModelPort prompts;
    private final FindTemplateFieldsPort templates;
    private final ChatModelPort chat;
    private final FactCheckPort factChecker;
    private final RecordPromptExecutionPort executions;
    private final GenerationSettings settings;
    private final Clock clock;

    public GenerationPipeline(SendCommandPort commands, GenerationJobReadModelPort jobs, SearchCardsQuery search,
                              FindDuplicatesQuery duplicates, RenderPromptUseCase renderer, PromptReadModelPort prompts,
                              FindTemplateFieldsPort templates, ChatModelPort chat, FactCheckPort factChecker,
                              RecordPromptExecutionPort executions, GenerationSettings settings, Clock clock) {
        this.commands = commands;
        this.jobs = jobs;
        this.search = search;
        this.duplicates = duplicates;
        this.renderer = renderer;
        this.prompts = prompts;
        this.templates = templates;
        this.chat = chat;
        this.factChecker = factChecker;
        this.executions = executions;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Works on the job as run {@code runId} until it is finished or {@code control} stops the run. Returns quietly
     * when there is nothing to do (finished, or taken over by another run). Expected failures (the model after its
     * retries, an unusable prompt) fail the job; anything unexpected is thrown, and the caller gives the job back
     * for a later run to resume.
     */
    public void run(GenerationJobId id, UUID runId, RunControl control) {
        GenerationJobView job = jobs.job(id).orElse(null);
        if (job == null || job.status().finished()) {
            return;
        }
        try {
            // Not waited for: should the job be given up instead (interrupted too often), the run's next write is refused.
            commands.dispatchAll(List.of(new StartGenerationRun(id, job.ownerId(), runId, clock.instant())));
        } catch (DomainException refused) {
            return; // finished or taken over meanwhile
        }
        try {
            new Run(job, runId, control).execute();
        } catch (RunControl.Stopped stopped) {
            // cancelled, taken over or shutting down: the cards made so far stay
        }
    }

    /** A screened card waiting for its fact-check and its turn to be saved. */
    private record Keeper(Candidate candidate, CardId cardId, FactCheck factCheck) {
    }

    private final class Run {

        private final GenerationJobView job;
        private final GenerationJobId id;
        private final UserId owner;
        private final UUID runId;
        private final RunControl control;
        private final BlockingQueue<Object> screening = new LinkedBlockingQueue<>();
        private final BlockingQueue<Object> recording = new LinkedBlockingQueue<>();
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        private final Map<TemplateId, TemplateFields> schemas = new ConcurrentHashMap<>();
        private final List<float[]> batchVectors = new ArrayList<>();
        private final List<CardId> batchCards = new ArrayList<>();
        private final Semaphore factCheckPermits = new Semaphore(settings.factCheckConcurrency());
        private final ExecutorService factChecks = Executors.newVirtualThreadPerTaskExecutor();
        private volatile boolean enough;
        private int needed;
        private int kept;
        private final java.util.concurrent.atomic.AtomicInteger candidates = new java.util.concurrent.atomic.AtomicInteger();

        Run(GenerationJobView job, UUID runId, RunControl control) {
            this.job = job;
            this.id = job.id();
            this.owner = job.ownerId();
            this.runId = runId;
            this.control = control;
        }

        void execute() {
            try {
                List<GeneratedCardView> earlier = jobs.cards(id, 0);
                needed = job.numCards() - earlier.size();
                if (needed <= 0) {
                    complete();
                    return;
                }
                String context = context(earlier);
                control.throwIfStopped();
                PromptView version = prompts.version(job.promptVersionId()).orElseThrow(() -> new DomainException(
                        ErrorCode.GEN_002, "prompt version " + job.promptVersionId() + " no longer exists"));
                boolean contextInTemplate = (version.systemPrompt() + version.userPromptTemplate()).contains("{context}");
                Map<String, Object> variables = new LinkedHashMap<>();
                variables.put("topic", job.topic());
                variables.put("num_cards", needed);
                variables.put("language", job.language());
                variables.put("difficulty", job.difficulty().wireName());
                if (contextInTemplate) {
                    variables.put("context", context);
                }
                RenderedPrompt rendered;
                try {
                    rendered = renderer.render(job.promptVersionId(), variables);
                } catch (DomainException unusable) {
                    throw new DomainException(ErrorCode.GEN_002, "prompt '" + version.name() + "' (version "
                            + version.version() + ") cannot be used: " + unusable.detail());
                }
                String user = contextInTemplate || context.isEmpty() ? rendered.user()
                        : rendered.user() + "\n\nThe learner already has these cards; do not repeat them:\n" + context;
                String system = rendered.system().isBlank() ? CardFormat.INSTRUCTIONS : rendered.system() + "\n\n" + CardFormat.INSTRUCTIONS;
                LlmRequest request = new LlmRequest(system, user, settings.model(), rendered.temperature(), rendered.maxTokens(),
                        CardFormat.SCHEMA, CardFormat.SCHEMA_NAME);
                if (!earlier.isEmpty()) {
                    List<CandidateMatch> made = duplicates.matchCandidates(owner,
                            earlier.stream().map(GeneratedCardView::fields).toList(), settings.duplicateThreshold());
                    for (int i = 0; i < earlier.size(); i++) {
                        remember(made.get(i).vector(), earlier.get(i).cardId());
                    }
                }
                progress((earlier.isEmpty() ? "" : "Resuming after an interruption with " + earlier.size() + " of "
                        + job.numCards() + " cards made. ") + "Asking the model for " + needed + (needed == 1 ? " card" : " cards"));

                Thread screener = Thread.ofVirtual().name("generation-screen-" + id).start(this::screen);
                Thread recorder = Thread.ofVirtual().name("generation-record-" + id).start(this::saveInOrder);
                DomainException modelFailure;
                try {
                    modelFailure = stream(request, variables);
                } finally {
                    screening.add(END);
                    joinQuietly(screener);
                    joinQuietly(recorder);
                    factChecks.shutdownNow();
                }
                finish(modelFailure);
            } catch (DomainException expected) {
                if (!control.stopped()) {
                    fail(expected.code(), expected.detail());
                }
            }
        }

        /** @return the model's failure after its retries, or {@code null} when it answered (or was stopped on purpose) */
        private DomainException stream(LlmRequest request, Map<String, Object> variables) {
            CardStream parser = new CardStream();
            Instant at = clock.instant();
            long start = System.nanoTime();
            LlmResponse response = null;
            DomainException modelFailure = null;
            RuntimeException unexpected = null;
            control.beginStreaming();
            try {
                response = chat.stream(request, delta -> {
                    control.throwIfStopped();
                    if (enough || failure.get() != null) {
                        throw new EnoughCards();
                    }
                    for (RawCard card : parser.feed(delta)) {
                        candidates.incrementAndGet();
                        screening.add(card);
                    }
                });
            } catch (RuntimeException ended) {
                // Stopping on purpose ends the call with whatever the adapter makes of our exception.
                if (!(control.stopped() || enough || failure.get() != null)) {
                    if (ended instanceof DomainException failed) {
                        modelFailure = failed;
                    } else {
                        unexpected = ended;
                    }
                }
            } finally {
                control.endStreaming();
            }
            if (response != null && parser.text().isEmpty()) {
                for (RawCard card : parser.feed(response.text())) { // an adapter that answered without streaming
                    candidates.incrementAndGet();
                    screening.add(card);
                }
            }
            Duration latency = response != null ? response.latency() : Duration.ofNanos(System.nanoTime() - start);
            String error = modelFailure != null ? modelFailure.detail() : unexpected != null ? String.valueOf(unexpected) : null;
            log(new PromptExecution(Purpose.GENERATION, job.promptId(), job.promptVersionId(), owner, id,
                    response == null ? null : response.provider(),
                    response == null ? settings.model() : response.model(),
                    request.systemPrompt(), request.userPrompt(), variables,
                    response != null ? response.text() : parser.text().isEmpty() ? null : parser.text(),
                    response == null ? 0 : response.inputTokens(), response == null ? 0 : response.outputTokens(),
                    latency, response == null ? 0 : response.attempts(), error, at));
            if (unexpected != null) {
                throw unexpected;
            }
            if (modelFailure == null && candidates.get() == 0 && !control.stopped() && failure.get() == null) {
                return new DomainException(ErrorCode.GEN_001, "the model's answer held no cards");
            }
            return modelFailure;
        }

        /**
         * Checks each card as it arrives; keeps at most as many as are still needed. Cards that arrive while the
         * previous ones are being checked are embedded together, so a fast model does not outrun the checks.
         */
        private void screen() {
            try {
                List<Object> taken = new ArrayList<>();
                while (true) {
                    taken.clear();
                    taken.add(screening.take());
                    screening.drainTo(taken);
                    List<Candidate> valid = new ArrayList<>();
                    for (Object next : taken) {
                        if (next == END || enough || control.stopped() || failure.get() != null) {
                            continue; // drain
                        }
                        Candidate candidate = CardFormat.candidate((RawCard) next);
                        String problem = problemWith(candidate);
                        if (problem != null) {
                            dispatch(new RejectCandidate(id, owner, runId, candidate.fields(), ErrorCode.GEN_001, problem,
                                    clock.instant()));
                        } else {
                            valid.add(candidate);
                        }
                    }
                    if (!valid.isEmpty() && !enough && !control.stopped() && failure.get() == null) {
                        List<CandidateMatch> matches = duplicates.matchCandidates(owner,
                                valid.stream().map(Candidate::fields).toList(), settings.duplicateThreshold());
                        for (int i = 0; i < valid.size() && !enough; i++) {
                            keepOrDrop(valid.get(i), matches.get(i));
                        }
                    }
                    if (taken.getLast() == END) {
                        return;
                    }
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException failed) {
                failure.compareAndSet(null, failed);
            } finally {
                recording.add(END);
            }
        }

        private void keepOrDrop(Candidate candidate, CandidateMatch match) {
            if (!match.duplicates().isEmpty()) {
                Duplicate nearest = match.duplicates().getFirst();
                dispatch(new DropDuplicateCandidate(id, owner, runId, candidate.fields(), nearest.similarTo(), nearest.similarity(),
                        clock.instant()));
                return;
            }
            int twin = -1;
            double best = -1;
            for (int i = 0; i < batchVectors.size(); i++) {
                double similarity = cosine(match.vector(), batchVectors.get(i));
                if (similarity >= settings.duplicateThreshold() && similarity > best) {
                    twin = i;
                    best = similarity;
                }
            }
            if (twin >= 0) {
                dispatch(new DropDuplicateCandidate(id, owner, runId, candidate.fields(), batchCards.get(twin), best, clock.instant()));
                return;
            }
            CardId cardId = CardId.newId(clock);
            remember(match.vector(), cardId);
            kept++;
            if (kept >= needed) {
                enough = true;
            }
            recording.add(factChecked(candidate, cardId));
        }

        private String problemWith(Candidate candidate) {
            if (candidate.problem() != null) {
                return candidate.problem();
            }
            try {
                schema(candidate.templateId()).validate(candidate.fields());
            } catch (DomainException invalid) {
                return invalid.detail();
            }
            if (candidate.cloze()) {
                return AnkiTemplateRenderer.clozeOrdinals(candidate.fields().get("Text")).isEmpty()
                        ? "a cloze card needs at least one deletion such as {{c1::answer}}" : null;
            }
            return candidate.fields().get("Back").isBlank() ? "a generated card needs an answer on the back" : null;
        }

        private Future<Keeper> factChecked(Candidate candidate, CardId cardId) {
            if (!job.factCheck()) {
                return CompletableFuture.completedFuture(new Keeper(candidate, cardId, null));
            }
            return factChecks.submit(() -> {
                factCheckPermits.acquire();
                try {
                    return new Keeper(candidate, cardId, factCheck(candidate));
                } finally {
                    factCheckPermits.release();
                }
            });
        }

        private FactCheck factCheck(Candidate candidate) {
            String claim = claim(candidate);
            Instant at = clock.instant();
            long start = System.nanoTime();
            try {
                FactCheckResult result = factChecker.check(claim, job.language());
                log(new PromptExecution(Purpose.FACT_CHECK, null, null, owner, id, null, result.model(), "", claim,
                        Map.of("claim", claim, "language", job.language()), describe(result), result.inputTokens(),
                        result.outputTokens(), result.latency(), 1, null, at));
                return new FactCheck(FactCheck.Verdict.valueOf(result.verdict().name()), result.explanation(),
                        result.correction(), result.sources().stream().map(s -> new FactCheck.Source(s.url(), s.title())).toList(),
                        result.model());
            } catch (RuntimeException failed) {
                log(new PromptExecution(Purpose.FACT_CHECK, null, null, owner, id, null, null, "", claim,
                        Map.of("claim", claim, "language", job.language()), null, 0, 0,
                        Duration.ofNanos(System.nanoTime() - start), 0, String.valueOf(failed.getMessage()), at));
                throw failed;
            }
        }

        /**
         * Saves the screened cards in the order they were screened, each with its generation record, atomically; the
         * cards whose fact-checks are already done are saved together with the one that was waited for.
         */
        private void saveInOrder() {
            try {
                while (true) {
                    Object next = recording.take();
                    if (next == END) {
                        return;
                    }
                    Future<Keeper> first = keeper(next);
                    if (control.stopped() || failure.get() != null) {
                        first.cancel(true);
                        continue;
                    }
                    List<Keeper> keepers = new ArrayList<>();
                    RuntimeException failed = null;
                    try {
                        keepers.add(first.get());
                        while (keepers.size() < MAX_SAVED_TOGETHER && recording.peek() instanceof Future<?> done && done.isDone()) {
                            keepers.add(keeper(recording.poll()).get());
                        }
                    } catch (ExecutionException checkFailed) {
                        failed = checkFailed.getCause() instanceof RuntimeException runtime ? runtime
                                : new IllegalStateException(checkFailed.getCause());
                    }
                    if (!keepers.isEmpty()) {
                        save(keepers);
                    }
                    if (failed != null) {
                        failure.compareAndSet(null, failed);
                    }
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException failed) {
                failure.compareAndSet(null, failed);
            }
        }

        @SuppressWarnings("unchecked")
        private static Future<Keeper> keeper(Object queued) {
            return (Future<Keeper>) queued;
        }

        private void save(List<Keeper> keepers) {
            Instant now = clock.instant();
            List<AggregateCommand> writes = new ArrayList<>();
            for (Keeper keeper : keepers) {
                Candidate candidate = keeper.candidate();
                Map<String, String> fields = job.includeSources() && keeper.factCheck() != null
                        ? withSources(candidate, keeper.factCheck()) : candidate.fields();
                // The job first: once it is cancelled or taken over, its refusal keeps the card from being made at all.
                writes.add(new RecordGeneratedCard(id, owner, runId, keeper.cardId(), candidate.templateId(), fields,
                        keeper.factCheck(), settings.model(), now));
                writes.add(new CreateCard(keeper.cardId(), owner, job.deckId(), candidate.templateId(),
                        schema(candidate.templateId()), fields, Tags.NONE, CardOrigin.GENERATED, null, now));
            }
            commands.dispatchAll(writes);
        }

        private void finish(DomainException modelFailure) {
            control.throwIfStopped();
            RuntimeException failed = failure.get();
            if (failed instanceof DomainException refused) {
                if (refused.code() == ErrorCode.GEN_004) {
                    return; // cancelled or taken over meanwhile
                }
                fail(refused.code(), refused.detail());
            } else if (failed != null) {
                throw failed;
            } else if (modelFailure != null) {
                fail(modelFailure.code(), modelFailure.detail());
            } else {
                complete();
            }
        }

        private String context(List<GeneratedCardView> earlier) {
            Set<String> lines = new LinkedHashSet<>();
            try {
                for (SearchHit hit : search.search(owner, new CardSearch(job.topic(), SearchMode.HYBRID, settings.contextCards(),
                        settings.contextThreshold(), null, null, null, null, true))) {
                    lines.add(oneLine(hit.fields()));
                }
            } catch (DomainException unavailable) {
                log.log(System.Logger.Level.WARNING, "Generating " + id + " without related cards: " + unavailable.detail());
            }
            earlier.forEach(card -> lines.add(oneLine(card.fields())));
            lines.remove("- ");
            return String.join("\n", lines);
        }

        private void remember(float[] vector, CardId cardId) {
            if (vector != null) {
                batchVectors.add(vector);
                batchCards.add(cardId);
            }
        }

        private TemplateFields schema(TemplateId template) {
            return schemas.computeIfAbsent(template, t -> templates.templateFieldsFor(owner, t).orElseThrow(() ->
                    new DomainException(ErrorCode.TEMPLATE_001, "the system template " + t + " is missing")));
        }

        private void progress(String message) {
            dispatch(new ReportGenerationProgress(id, owner, runId, message, clock.instant()));
        }

        private void complete() {
            sendQuietly(new CompleteGeneration(id, owner, runId, clock.instant()));
        }

        private void fail(ErrorCode code, String message) {
            sendQuietly(new FailGeneration(id, owner, runId, code, message, clock.instant()));
        }

        /** Within a run nothing is read back, so nothing waits for the read models; watchers hear from the projection. */
        private void dispatch(GenerationJobCommand command) {
            commands.dispatchAll(List.of(command));
        }

        /**
         * The last word waits for the read model, so that the job shows as finished before its lease is given back.
         * Refused only when the job was cancelled or taken over meanwhile, which is its answer.
         */
        private void sendQuietly(GenerationJobCommand command) {
            try {
                commands.send(command);
            } catch (DomainException refused) {
                if (refused.code() != ErrorCode.GEN_004) {
                    throw refused;
                }
            }
        }
    }

    private void log(PromptExecution execution) {
        try {
            executions.record(execution);
        } catch (RuntimeException unavailable) {
            log.log(System.Logger.Level.WARNING, "Could not record a prompt execution of job " + execution.jobId() + ": " + unavailable);
        }
    }

    /** Thrown from the stream's consumer to stop a model that has written every card still needed. */
    private static final class EnoughCards extends RuntimeException {

        EnoughCards() {
            super("enough cards", null, false, false);
        }
    }

    static String claim(Candidate candidate) {
        Map<String, String> fields = candidate.fields();
        if (candidate.cloze()) {
            String extra = CardText.of(Map.of("x", fields.getOrDefault("Back Extra", "")));
            String text = CardText.of(Map.of("x", fields.getOrDefault("Text", "")));
            return extra.isEmpty() ? text : text + "\n" + extra;
        }
        return "Question: " + CardText.of(Map.of("x", fields.getOrDefault("Front", "")))
                + "\nAnswer: " + CardText.of(Map.of("x", fields.getOrDefault("Back", "")));
    }

    /** The sources, as links, under the answer (Basic) or in the extra field (Cloze). */
    static Map<String, String> withSources(Candidate candidate, FactCheck check) {
        List<String> links = check.sources().stream()
                .filter(source -> source.url().startsWith("https://") || source.url().startsWith("http://"))
                .map(source -> "<a href=\"" + html(source.url()) + "\">" + html(source.title().isBlank() ? source.url() : source.title()) + "</a>")
                .toList();
        if (links.isEmpty()) {
            return candidate.fields();
        }
        String field = candidate.cloze() ? "Back Extra" : "Back";
        Map<String, String> fields = new LinkedHashMap<>(candidate.fields());
        String before = fields.getOrDefault(field, "");
        String sources = "<div class=\"sources\">Sources: " + String.join(", ", links) + "</div>";
        fields.put(field, before.isBlank() ? sources : before + "<br>" + sources);
        return fields;
    }

    private static String describe(FactCheckResult result) {
        String sources = result.sources().stream().map(FactCheckPort.Source::url).collect(Collectors.joining(" "));
        return result.verdict().name().toLowerCase(java.util.Locale.ROOT) + ": " + result.explanation()
                + (result.correction().isEmpty() ? "" : "\ncorrection: " + result.correction())
                + (sources.isEmpty() ? "" : "\nsources: " + sources);
    }

    private static String oneLine(Map<String, String> fields) {
        return "- " + CardText.of(fields == null ? Map.of() : fields).replace('\n', ' ');
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static double cosine(float[] a, float[] b) {
        if (a == null || b == null || a.length != b.length) {
            return 0;
        }
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
