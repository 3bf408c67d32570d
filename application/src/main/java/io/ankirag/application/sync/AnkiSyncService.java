package io.ankirag.application.sync;

import io.ankirag.application.anki.AnkiCard;
import io.ankirag.application.anki.AnkiCardTemplate;
import io.ankirag.application.anki.AnkiDeck;
import io.ankirag.application.anki.AnkiMedia;
import io.ankirag.application.anki.AnkiNote;
import io.ankirag.application.anki.AnkiNoteType;
import io.ankirag.application.anki.AnkiPackage;
import io.ankirag.application.anki.AnkiPackageFormat;
import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.card.CardView;
import io.ankirag.application.port.in.deck.DeckView;
import io.ankirag.application.port.in.sync.ImportAnkiPackageUseCase.ImportReport;
import io.ankirag.application.port.in.sync.PullCardsUseCase;
import io.ankirag.application.port.in.sync.PullPlan;
import io.ankirag.application.port.in.sync.PulledNotes;
import io.ankirag.application.port.in.sync.PushCardsUseCase;
import io.ankirag.application.port.in.sync.PushPlan;
import io.ankirag.application.port.in.sync.PushPlan.NoteResult;
import io.ankirag.application.port.in.sync.PushPlan.PlannedNote;
import io.ankirag.application.port.in.sync.RunSyncOnAgentUseCase;
import io.ankirag.application.port.in.sync.RunSyncTasksUseCase;
import io.ankirag.application.port.in.sync.SyncTaskId;
import io.ankirag.application.port.in.sync.SyncTaskQuery;
import io.ankirag.application.port.in.sync.SyncTaskView;
import io.ankirag.application.port.in.sync.SyncTaskView.CardResult;
import io.ankirag.application.port.in.sync.SyncTaskView.Kind;
import io.ankirag.application.port.in.sync.SyncTaskView.Outcome;
import io.ankirag.application.port.in.template.TemplateView;
import io.ankirag.application.port.out.anki.AnkiConnectPort;
import io.ankirag.application.port.out.anki.AnkiConnectPort.CardTypeSpec;
import io.ankirag.application.port.out.anki.AnkiConnectPort.MediaFile;
import io.ankirag.application.port.out.anki.AnkiConnectPort.NoteInfo;
import io.ankirag.application.port.out.anki.AnkiConnectPort.NoteTypeSpec;
import io.ankirag.application.port.out.card.CardReadModelPort;
import io.ankirag.application.port.out.command.SendCommandPort;
import io.ankirag.application.port.out.deck.DeckReadModelPort;
import io.ankirag.application.port.out.media.StoreMediaPort;
import io.ankirag.application.port.out.sync.SyncTaskQueuePort;
import io.ankirag.application.port.out.sync.SyncTaskQueuePort.ClaimedSyncTask;
import io.ankirag.application.port.out.sync.SyncTaskQueuePort.NewSyncTask;
import io.ankirag.application.port.out.sync.SyncTaskReadModelPort;
import io.ankirag.application.port.out.template.TemplateReadModelPort;
import io.ankirag.domain.card.AnkiIds;
import io.ankirag.domain.card.CardCommand;
import io.ankirag.domain.card.CardCommand.EditCard;
import io.ankirag.domain.card.CardCommand.RecordCardSynced;
import io.ankirag.domain.card.CardCommand.RecordSyncConflict;
import io.ankirag.domain.card.CardCommand.RecordSyncFailure;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.card.CardStatus;
import io.ankirag.domain.card.Tags;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.template.TemplateKind;
import io.ankirag.domain.user.UserId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Pushes cards to the owner's Anki and pulls notes from it through AnkiConnect (spec 5.6, 6.3, 6.4), as tasks in a
 * durable queue. A push makes sure the decks and note types exist (a missing note type is created from the card's
 * template; an existing one is never changed), stores the media the cards show, adds new notes and updates those
 * it added before, batch by batch, and records per card synced or sync_failed: partial success is normal. Anki
 * unreachable defers the whole task to the next retry delay; after the last, the task fails and its remaining cards
 * become sync_failed. Since a card's Anki note id is recorded in the batch that added it, a retried or repeated push
 * updates that note instead of adding another.
 *
 * <p>A pull reads the notes of all decks or a deck subtree (or only those changed since the last pull): a note no
 * card has becomes a card through the .apkg import's mapping (decks, templates, media), an edited note updates its
 * card, and when both sides changed since their last sync the conflict policy picks the winner and the card's
 * history records it.
 */
public class AnkiSyncService implements PushCardsUseCase, PullCardsUseCase, SyncTaskQuery, RunSyncTasksUseCase,
        RunSyncOnAgentUseCase {

    private static final Set<CardStatus> PUSHABLE = Set.of(CardStatus.APPROVED, CardStatus.SYNCED, CardStatus.SYNC_FAILED);

    /** Notes one upload of an agent's pull may carry (the agent sends 200). */
    static final int MAX_PULLED_NOTES_PER_UPLOAD = 1000;

    private final AnkiConnectPort anki;
    private final SyncTaskQueuePort queue;
    private final SyncTaskReadModelPort tasks;
    private final CardReadModelPort cards;
    private final DeckReadModelPort decks;
    private final TemplateReadModelPort templates;
    private final StoreMediaPort media;
    private final SendCommandPort commands;
    private final AnkiImportService imports;
    private final SyncSettings settings;
    private final Clock clock;

    public AnkiSyncService(AnkiConnectPort anki, SyncTaskQueuePort queue, SyncTaskReadModelPort tasks,
                           CardReadModelPort cards, DeckReadModelPort decks, TemplateReadModelPort templates,
                           StoreMediaPort media, SendCommandPort commands, AnkiImportService imports,
                           SyncSettings settings, Clock clock) {
        this.anki = anki;
        this.queue = queue;
        this.tasks = tasks;
        this.cards = cards;
        this.decks = decks;
        this.templates = templates;
        this.media = media;
        this.commands = commands;
        this.imports = imports;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public SyncTaskView push(UserId owner, List<CardId> cardIds, boolean viaAgent) {
        List<CardId> distinct = List.copyOf(new LinkedHashSet<>(cardIds));
        if (distinct.isEmpty()) {
            throw new DomainException(ErrorCode.REQ_002, "card_ids must name at least one card");
        }
        if (distinct.size() > settings.maxCards()) {
            throw new DomainException(ErrorCode.REQ_002, "a push takes at most " + settings.maxCards() + " cards");
        }
        Set<CardId> found = new HashSet<>();
        cards.cardsOf(owner, distinct).forEach(card -> found.add(card.id()));
        distinct.stream().filter(id -> !found.contains(id)).findFirst().ifPresent(missing -> {
            throw new DomainException(ErrorCode.CARD_001, "no card with id " + missing);
        });
        return enqueue(new NewSyncTask(SyncTaskId.newId(clock), owner, Kind.PUSH, viaAgent, distinct, null, null,
                clock.instant()));
    }

    @Override
    public SyncTaskView pull(UserId owner, String deckPath, boolean sinceLastPull, boolean viaAgent) {
        String deck = deckPath == null || deckPath.isBlank() ? null : deckPath.strip();
        Instant since = sinceLastPull ? queue.lastPullOf(owner).orElse(null) : null;
        return enqueue(new NewSyncTask(SyncTaskId.newId(clock), owner, Kind.PULL, viaAgent, List.of(), deck, since,
                clock.instant()));
    }

    private SyncTaskView enqueue(NewSyncTask task) {
        queue.enqueue(task);
        return task(task.owner(), task.id());
    }

    @Override
    public SyncTaskView task(UserId owner, SyncTaskId id) {
        return tasks.taskOf(owner, id).orElseThrow(() -> new DomainException(ErrorCode.SYNC_006, "no sync task with id " + id));
    }

    @Override
    public Page<SyncTaskView> tasks(UserId owner, PageRequest page) {
        return tasks.taskPage(owner, page);
    }

    @Override
    public boolean runNextJob(String worker) {
        Optional<ClaimedSyncTask> claimed = queue.claimNext(worker, settings.lease(), null);
        claimed.ifPresent(this::run);
        return claimed.isPresent();
    }

    @Override
    public void keepAlive(String worker) {
        queue.renewLease(worker, settings.lease());
    }

    @Override
    public Duration keepAliveInterval() {
        return settings.lease().dividedBy(4);
    }

    // ---------------------------------------------------------------------------------------------------- agent

    @Override
    public Optional<AgentWork> claim(UserId owner) {
        return queue.claimNext(agentOf(owner), settings.lease(), owner)
                .map(task -> task.kind() == Kind.PULL
                        ? AgentWork.pull(task.id(), task.attempts(), new PullPlan(task.pullDeck(), task.pullSince()))
                        : AgentWork.push(task.id(), task.attempts(), plan(task).plan()));
    }

    @Override
    public List<CardResult> applyPulled(UserId owner, SyncTaskId id, int total, PulledNotes pulled) {
        SyncTaskView task = runningAgentTask(owner, id);
        if (task.kind() != Kind.PULL) {
            throw new DomainException(ErrorCode.SYNC_006, "no running agent pull with id " + id);
        }
        if (pulled.notes().size() > MAX_PULLED_NOTES_PER_UPLOAD) {
            throw new DomainException(ErrorCode.REQ_002, "an upload takes at most " + MAX_PULLED_NOTES_PER_UPLOAD
                    + " notes: send fewer at a time");
        }
        queue.renewLease(agentOf(owner), settings.lease());
        Set<Long> done = new HashSet<>();
        task.results().forEach(result -> {
            if (result.ankiNoteId() != null) {
                done.add(result.ankiNoteId());
            }
        });
        List<NoteInfo> notes = pulled.notes().stream().filter(note -> !done.contains(note.noteId())).toList();
        return apply(owner, id, Math.max(total, task.results().size() + notes.size()), notes, fresh -> pulled);
    }

    @Override
    public void report(UserId owner, SyncTaskId id, List<NoteResult> results) {
        SyncTaskView task = runningAgentTask(owner, id);
        queue.renewLease(agentOf(owner), settings.lease());
        Set<CardId> done = new HashSet<>();
        task.results().forEach(result -> done.add(result.cardId()));
        List<CardId> named = results.stream().map(NoteResult::cardId)
                .filter(card -> task.cards().contains(card) && !done.contains(card)).distinct().toList();
        Map<CardId, CardView> byId = new HashMap<>();
        cards.cardsOf(owner, named).forEach(card -> byId.put(card.id(), card));
        record(owner, id, task.cards().size(), results.stream().filter(r -> named.contains(r.cardId())).toList(), byId);
    }

    @Override
    public void finish(UserId owner, SyncTaskId id, ErrorCode failure, String detail) {
        SyncTaskView task = runningAgentTask(owner, id);
        ClaimedSyncTask claimed = new ClaimedSyncTask(id, owner, task.kind(), task.cards(), null, null, task.attempts(),
                List.of());
        if (failure == null) {
            queue.completed(id);
        } else if (failure == ErrorCode.SYNC_001) {
            retryOrFail(claimed, failure, detail == null ? "the agent could not reach Anki" : detail);
        } else {
            fail(claimed, failure, detail == null ? failure.title() : detail);
        }
    }

    @Override
    public byte[] media(UserId owner, String name) {
        byte[] content = read(owner, name);
        if (content == null) {
            throw new DomainException(ErrorCode.REQ_004, "no media file named " + name);
        }
        return content;
    }

    private SyncTaskView runningAgentTask(UserId owner, SyncTaskId id) {
        SyncTaskView task = task(owner, id);
        if (!task.viaAgent() || task.status() != SyncTaskView.Status.RUNNING) {
            throw new DomainException(ErrorCode.SYNC_006, "no running agent task with id " + id);
        }
        return task;
    }

    /** One agent at a time per user: the lease is the user's. */
    private static String agentOf(UserId owner) {
        return "agent:" + owner;
    }

    private void run(ClaimedSyncTask task) {
        try {
            switch (task.kind()) {
                case PUSH -> push(task);
                case PULL -> pull(task);
            }
            queue.completed(task.id());
        } catch (DomainException refused) {
            if (refused.code() == ErrorCode.SYNC_001 || refused.code() == ErrorCode.SYS_002) {
                retryOrFail(task, refused.code(), refused.detail());
            } else {
                fail(task, refused.code(), refused.detail());
            }
        } catch (RuntimeException unexpected) {
            retryOrFail(task, ErrorCode.SYS_001, "the sync failed unexpectedly: " + unexpected.getMessage());
            throw unexpected;
        }
    }

    /** Spec 6.4: Anki unreachable defers the task to the next delay; after the last one, it fails. */
    private void retryOrFail(ClaimedSyncTask task, ErrorCode code, String detail) {
        if (task.attempts() <= settings.retryDelays().size()) {
            queue.deferred(task.id(), settings.retryDelays().get(task.attempts() - 1), code, detail);
        } else {
            fail(task, code, detail + " (after " + task.attempts() + " attempts)");
        }
    }

    /** The task fails; a push's cards that got no outcome become sync_failed with the reason. */
    private void fail(ClaimedSyncTask task, ErrorCode code, String detail) {
        if (task.kind() == Kind.PUSH) {
            Set<CardId> done = new HashSet<>();
            task(task.owner(), task.id()).results().forEach(result -> done.add(result.cardId()));
            List<CardId> left = task.cards().stream().filter(id -> !done.contains(id)).toList();
            List<CardResult> results = new ArrayList<>();
            List<CardCommand> failures = new ArrayList<>();
            for (CardView card : cards.cardsOf(task.owner(), left)) {
                results.add(new CardResult(card.id(), Outcome.FAILED, card.ankiNoteId(), detail));
                if (PUSHABLE.contains(card.status())) {
                    failures.add(new RecordSyncFailure(card.id(), task.owner(), detail, clock.instant()));
                }
            }
            commands.sendEach(failures);
            queue.progressed(task.id(), task.cards().size(), results);
        }
        queue.failed(task.id(), code, detail);
    }

    // ---------------------------------------------------------------------------------------------------- push

    /**
     * Carries the plan out against the server's AnkiConnect. Each batch's results are recorded on a thread of
     * their own while Anki works on the next batch; the push ends once every batch is recorded, also when Anki
     * fails half-way (what it did is then recorded, and a retry carries on from there).
     */
    private void push(ClaimedSyncTask task) {
        Planned planned = plan(task);
        List<Future<?>> recordings = new ArrayList<>();
        ExecutorService recorder = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("sync-recorder").factory());
        RuntimeException failure = null;
        try {
            new PushExecutor(anki, name -> read(task.owner(), name), settings.batchSize())
                    .execute(planned.plan(), batch -> recordings.add(recorder.submit(() -> record(task.owner(),
                            task.id(), task.cards().size(), batch, planned.cards()))));
        } catch (RuntimeException failed) {
            failure = failed;
        } finally {
            recorder.shutdown();
        }
        for (Future<?> recording : recordings) {
            try {
                recording.get();
            } catch (ExecutionException failed) {
                if (failure == null) {
                    failure = failed.getCause() instanceof RuntimeException unchecked ? unchecked
                            : new IllegalStateException(failed.getCause());
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new DomainException(ErrorCode.SYS_002, "interrupted while recording a push", interrupted);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** A task's plan, with the cards it names; the cards refused before Anki is asked are recorded already. */
    private record Planned(PushPlan plan, Map<CardId, CardView> cards) {
    }

    /**
     * Works out what the push asks of Anki, for the cards of the task that have no outcome yet; records at once the
     * ones that cannot go (deleted, not approved, template gone).
     */
    private Planned plan(ClaimedSyncTask task) {
        UserId owner = task.owner();
        Set<CardId> done = new HashSet<>(task.done());
        List<CardId> todo = task.cards().stream().filter(id -> !done.contains(id)).toList();
        Map<CardId, CardView> found = new HashMap<>();
        cards.cardsOf(owner, todo).forEach(card -> found.put(card.id(), card));
        Map<DeckId, String> paths = deckPaths(owner);
        Map<TemplateId, Optional<TemplateView>> visible = new HashMap<>();

        List<CardResult> refused = new ArrayList<>();
        List<CardCommand> refusals = new ArrayList<>();
        Set<String> deckNames = new LinkedHashSet<>();
        Map<TemplateId, TemplateView> used = new LinkedHashMap<>();
        Set<String> mediaNames = new LinkedHashSet<>();
        List<PlannedNote> notes = new ArrayList<>();
        for (CardId id : todo) {
            CardView card = found.get(id);
            if (card == null) {
                refused.add(new CardResult(id, Outcome.FAILED, null, "the card was deleted before it was pushed"));
                continue;
            }
            if (!PUSHABLE.contains(card.status())) {
                refused.add(new CardResult(id, Outcome.FAILED, card.ankiNoteId(), "a " + card.status().name().toLowerCase()
                        + " card is not pushed: approve it first"));
                continue;
            }
            Optional<TemplateView> template = visible.computeIfAbsent(card.templateId(),
                    templateId -> templates.visibleTemplate(owner, templateId));
            if (template.isEmpty()) {
                refused.add(new CardResult(id, Outcome.FAILED, card.ankiNoteId(), "its template is gone"));
                refusals.add(new RecordSyncFailure(id, owner, "its template is gone", clock.instant()));
                continue;
            }
            String deck = paths.get(card.deckId());
            deckNames.add(deck);
            used.putIfAbsent(template.get().id(), template.get());
            Map<String, String> fields = new LinkedHashMap<>();
            template.get().fields().names().forEach(name -> fields.put(name, card.fields().getOrDefault(name, "")));
            fields.values().forEach(value -> mediaNames.addAll(AnkiExportService.mediaReferences(value)));
            notes.add(new PlannedNote(id, deck, template.get().name(), fields, card.tags(), card.ankiNoteId()));
        }
        used.values().forEach(template -> mediaNames.addAll(AnkiExportService.noteTypeMedia(template)));
        commands.sendEach(refusals);
        if (!refused.isEmpty()) {
            queue.progressed(task.id(), task.cards().size(), refused);
        }
        List<String> media = mediaNames.stream().filter(name -> this.media.sizeOf(owner, name).isPresent()).toList();
        return new Planned(new PushPlan(List.copyOf(deckNames), used.values().stream().map(AnkiSyncService::noteTypeOf).toList(),
                media, notes), found);
    }

    /** Records one batch's results on the cards (synced with the note id, or sync_failed) and in the task. */
    private void record(UserId owner, SyncTaskId task, int cardsCount, List<NoteResult> batch, Map<CardId, CardView> byId) {
        List<CardResult> results = new ArrayList<>();
        List<CardCommand> outcomes = new ArrayList<>();
        for (NoteResult result : batch) {
            CardView card = byId.get(result.cardId());
            if (card == null) {
                continue; // not one of this task's cards (an agent's mistake): nothing to record
            }
            if (result.succeeded()) {
                long note = result.ankiNoteId();
                boolean sameNote = card.ankiNoteId() != null && card.ankiNoteId() == note;
                AnkiIds ids = sameNote ? new AnkiIds(note, card.ankiCardId(), card.ankiGuid(), card.ankiNoteTypeId())
                        : new AnkiIds(note, null);
                results.add(new CardResult(card.id(), sameNote ? Outcome.UPDATED : Outcome.ADDED, note, null));
                outcomes.add(new RecordCardSynced(card.id(), owner, ids, clock.instant()));
            } else {
                results.add(new CardResult(card.id(), Outcome.FAILED, card.ankiNoteId(), result.error()));
                outcomes.add(new RecordSyncFailure(card.id(), owner, result.error(), clock.instant()));
            }
        }
        List<DomainException> refusals = commands.sendEach(outcomes);
        for (int i = 0; i < refusals.size(); i++) {
            if (refusals.get(i) != null) {
                CardResult result = results.get(i);
                results.set(i, new CardResult(result.cardId(), Outcome.FAILED, result.ankiNoteId(),
                        "Anki has the note, but the card could not record it: " + refusals.get(i).detail()));
            }
        }
        queue.progressed(task, cardsCount, results);
    }

    private static NoteTypeSpec noteTypeOf(TemplateView template) {
        return new NoteTypeSpec(template.name(), template.kind() == TemplateKind.CLOZE, template.fields().names(),
                template.cardTypes().stream()
                        .map(type -> new CardTypeSpec(type.name(), type.frontTemplate(), type.backTemplate()))
                        .toList(),
                template.css() == null ? "" : template.css());
    }

    private byte[] read(UserId owner, String name) {
        if (media.sizeOf(owner, name).isEmpty()) {
            return null;
        }
        try (InputStream in = media.open(owner, name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each of the owner's decks as Anki names it: its path from the top, joined by {@code ::}. */
    private Map<DeckId, String> deckPaths(UserId owner) {
        Map<DeckId, DeckView> byId = new HashMap<>();
        decks.allDecksOf(owner).forEach(deck -> byId.put(deck.id(), deck));
        Map<DeckId, String> paths = new HashMap<>();
        for (DeckView deck : byId.values()) {
            List<String> path = new ArrayList<>();
            for (DeckView level = deck; level != null && path.size() <= byId.size(); level = byId.get(level.parentId())) {
                path.addFirst(level.name().replace("::", ":"));
            }
            paths.put(deck.id(), String.join("::", path));
        }
        return paths;
    }

    // ---------------------------------------------------------------------------------------------------- pull

    private void pull(ClaimedSyncTask task) {
        UserId owner = task.owner();
        PullReader reader = new PullReader(anki, clock);
        List<NoteInfo> notes = reader.notes(new PullPlan(task.pullDeck(), task.pullSince()));
        queue.progressed(task.id(), notes.size(), List.of());
        apply(owner, task.id(), notes.size(), notes, fresh -> reader.details(fresh, name -> media.sizeOf(owner, name).isEmpty()));
    }

    /**
     * Applies pulled notes: those a card has update it (or conflict), batch by batch; the others become cards, with
     * the details {@code detailsOf} gives for them.
     */
    private List<CardResult> apply(UserId owner, SyncTaskId id, int total, List<NoteInfo> notes,
                                   Function<List<NoteInfo>, PulledNotes> detailsOf) {
        Map<Long, CardView> byNote = new HashMap<>();
        cards.cardsOfAnkiNotes(owner, notes.stream().map(NoteInfo::noteId).toList())
                .forEach(card -> byNote.putIfAbsent(card.ankiNoteId(), card));
        List<NoteInfo> fresh = notes.stream().filter(note -> !byNote.containsKey(note.noteId())).toList();
        List<NoteInfo> known = notes.stream().filter(note -> byNote.containsKey(note.noteId())).toList();
        List<CardResult> results = new ArrayList<>();
        for (int from = 0; from < known.size(); from += settings.batchSize()) {
            results.addAll(pullEdits(owner, id, total, known.subList(from, Math.min(known.size(), from + settings.batchSize())),
                    byNote));
        }
        if (!fresh.isEmpty()) {
            results.addAll(pullNew(owner, id, total, fresh, detailsOf.apply(fresh)));
        }
        return results;
    }

    private List<CardResult> pullEdits(UserId owner, SyncTaskId task, int total, List<NoteInfo> notes,
                                       Map<Long, CardView> byNote) {
        List<CardResult> results = new ArrayList<>();
        List<CardCommand> outcome = new ArrayList<>();
        List<Integer> resultOfCommand = new ArrayList<>();
        Map<TemplateId, Optional<TemplateView>> visible = new HashMap<>();
        for (NoteInfo note : notes) {
            CardView card = byNote.get(note.noteId());
            Optional<TemplateView> template = visible.computeIfAbsent(card.templateId(),
                    id -> templates.visibleTemplate(owner, id));
            if (template.isEmpty()) {
                results.add(new CardResult(card.id(), Outcome.FAILED, note.noteId(), "the card's template is gone"));
                continue;
            }
            Instant syncedAt = card.syncedAt() != null ? card.syncedAt() : card.createdAt();
            boolean changedInAnki = note.modified().isAfter(syncedAt.truncatedTo(ChronoUnit.SECONDS));
            boolean changedHere = card.updatedAt().isAfter(syncedAt);
            Map<String, String> fields = fieldsFromNote(template.get(), note);
            boolean same = fields.equals(card.fields()) && new HashSet<>(note.tags()).equals(new HashSet<>(card.tags()));
            if (!changedInAnki || same) {
                results.add(new CardResult(card.id(), Outcome.UNCHANGED, note.noteId(), null));
                continue;
            }
            List<CardCommand> take = List.of(
                    new EditCard(card.id(), owner, template.get().fields(), fields, new Tags(note.tags()), clock.instant()),
                    new RecordCardSynced(card.id(), owner, new AnkiIds(note.noteId(), card.ankiCardId(), card.ankiGuid(),
                            card.ankiNoteTypeId()), clock.instant()));
            if (!changedHere) {
                results.add(new CardResult(card.id(), Outcome.PULLED, note.noteId(), null));
                take.forEach(command -> {
                    outcome.add(command);
                    resultOfCommand.add(results.size() - 1);
                });
                continue;
            }
            boolean ankiWins = switch (settings.conflictPolicy()) {
                case ANKI -> true;
                case SERVER -> false;
                case NEWEST -> note.modified().isAfter(card.updatedAt().truncatedTo(ChronoUnit.SECONDS));
            };
            String resolution = "changed both here (" + card.updatedAt() + ") and in Anki (" + note.modified()
                    + ") since the last sync (" + syncedAt + "); policy " + settings.conflictPolicy().name().toLowerCase()
                    + " kept " + (ankiWins ? "Anki's version" : "this card's version, to be pushed to Anki");
            results.add(new CardResult(card.id(), ankiWins ? Outcome.CONFLICT_ANKI_WON : Outcome.CONFLICT_OURS_WON,
                    note.noteId(), resolution));
            outcome.add(new RecordSyncConflict(card.id(), owner, resolution, clock.instant()));
            resultOfCommand.add(results.size() - 1);
            if (ankiWins) {
                take.forEach(command -> {
                    outcome.add(command);
                    resultOfCommand.add(results.size() - 1);
                });
            }
        }
        List<DomainException> refusals = commands.sendEach(outcome);
        for (int i = 0; i < refusals.size(); i++) {
            if (refusals.get(i) != null) {
                CardResult result = results.get(resultOfCommand.get(i));
                results.set(resultOfCommand.get(i), new CardResult(result.cardId(), Outcome.FAILED, result.ankiNoteId(),
                        refusals.get(i).detail()));
            }
        }
        queue.progressed(task, total, results);
        return results;
    }

    /** The note's fields under the template's names: by name where they match, else by position. */
    private static Map<String, String> fieldsFromNote(TemplateView template, NoteInfo note) {
        List<String> names = template.fields().names();
        Map<String, String> fields = new LinkedHashMap<>();
        if (note.fields().keySet().containsAll(names)) {
            names.forEach(name -> fields.put(name, note.fields().get(name)));
        } else {
            List<String> values = List.copyOf(note.fields().values());
            for (int i = 0; i < names.size(); i++) {
                fields.put(names.get(i), i < values.size() ? values.get(i) : "");
            }
        }
        return fields;
    }

    /**
     * Notes no card has yet become cards the way an .apkg import makes them (decks, templates by note type, media),
     * from a package built in memory out of what AnkiConnect answers.
     */
    private List<CardResult> pullNew(UserId owner, SyncTaskId task, int total, List<NoteInfo> notes, PulledNotes details) {
        Map<String, AnkiNoteType> types = new LinkedHashMap<>();
        Set<String> usedDecks = new LinkedHashSet<>();
        List<AnkiNote> ankiNotes = new ArrayList<>();
        List<AnkiCard> ankiCards = new ArrayList<>();
        for (NoteInfo note : notes) {
            NoteTypeSpec spec = details.noteTypes().get(note.noteType());
            if (spec == null) {
                continue; // reported below as not created
            }
            AnkiNoteType type = types.computeIfAbsent(note.noteType(), name -> noteTypeFrom(spec,
                    details.noteTypeIds().getOrDefault(name, 0L)));
            List<String> values = type.fields().stream().map(name -> note.fields().getOrDefault(name, "")).toList();
            ankiNotes.add(new AnkiNote(note.noteId(), null, type.ankiId(), values, note.tags(), note.modified()));
            if (note.deck() != null && !note.cardIds().isEmpty()) {
                usedDecks.add(note.deck());
                ankiCards.add(new AnkiCard(note.cardIds().getFirst(), note.noteId(),
                        details.deckIds().getOrDefault(note.deck(), 0L), 0));
            }
        }
        List<AnkiDeck> ankiDecks = usedDecks.stream()
                .map(path -> new AnkiDeck(details.deckIds().getOrDefault(path, 0L), List.of(path.split("::")))).toList();
        List<AnkiMedia> files = new ArrayList<>();
        for (MediaFile file : details.media()) {
            if (media.sizeOf(owner, file.name()).isEmpty()) {
                byte[] content = file.content();
                files.add(new AnkiMedia(file.name(), content.length, () -> new ByteArrayInputStream(content)));
            }
        }
        ImportReport report = imports.importPulled(owner, new AnkiPackage(AnkiPackageFormat.LATEST_ANKI21B, ankiDecks,
                List.copyOf(types.values()), ankiNotes, ankiCards, files));
        List<CardResult> results = new ArrayList<>();
        Set<Long> notCreated = new HashSet<>();
        report.skipped().forEach(skip -> {
            notCreated.add(skip.noteId());
            results.add(new CardResult(null, Outcome.FAILED, skip.noteId(), skip.reason()));
        });
        report.failed().forEach(failure -> {
            notCreated.add(failure.noteId());
            results.add(new CardResult(null, Outcome.FAILED, failure.noteId(), failure.detail()));
        });
        Set<Long> imported = new HashSet<>();
        ankiNotes.forEach(note -> imported.add(note.ankiId()));
        notes.stream().filter(note -> !imported.contains(note.noteId()) && !notCreated.contains(note.noteId()))
                .forEach(note -> {
                    notCreated.add(note.noteId());
                    results.add(new CardResult(null, Outcome.FAILED, note.noteId(),
                            "its note type '" + note.noteType() + "' was not read from Anki"));
                });
        List<Long> created = notes.stream().map(NoteInfo::noteId).filter(id -> !notCreated.contains(id)).toList();
        cards.cardsOfAnkiNotes(owner, created)
                .forEach(card -> results.add(new CardResult(card.id(), Outcome.CREATED, card.ankiNoteId(), null)));
        queue.progressed(task, total, results);
        return results;
    }

    private static AnkiNoteType noteTypeFrom(NoteTypeSpec spec, long id) {
        return new AnkiNoteType(id, spec.name(), spec.cloze() ? AnkiNoteType.Kind.CLOZE : AnkiNoteType.Kind.STANDARD,
                spec.fields(), spec.cardTypes().stream()
                        .map(type -> new AnkiCardTemplate(type.name(), type.front(), type.back())).toList(),
                spec.css());
    }
}
