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
import io.ankirag.application.port.in.sync.PushCardsUseCase;
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
import io.ankirag.application.port.out.anki.AnkiConnectPort.Done;
import io.ankirag.application.port.out.anki.AnkiConnectPort.MediaFile;
import io.ankirag.application.port.out.anki.AnkiConnectPort.NewNote;
import io.ankirag.application.port.out.anki.AnkiConnectPort.NoteInfo;
import io.ankirag.application.port.out.anki.AnkiConnectPort.NoteOutcome;
import io.ankirag.application.port.out.anki.AnkiConnectPort.NoteTypeSpec;
import io.ankirag.application.port.out.anki.AnkiConnectPort.NoteUpdate;
import io.ankirag.application.port.out.anki.AnkiConnectPort.Refused;
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
import java.util.OptionalLong;
import java.util.Set;

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
public class AnkiSyncService implements PushCardsUseCase, PullCardsUseCase, SyncTaskQuery, RunSyncTasksUseCase {

    private static final Set<CardStatus> PUSHABLE = Set.of(CardStatus.APPROVED, CardStatus.SYNCED, CardStatus.SYNC_FAILED);
    private static final int MEDIA_FILES_PER_UPLOAD = 100;

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

    /** A card on its way to Anki, with its template and deck path. */
    private record Planned(CardView card, TemplateView template, String deck) {
    }

    private void push(ClaimedSyncTask task) {
        UserId owner = task.owner();
        anki.connect();
        Set<CardId> done = new HashSet<>(task.done());
        List<CardId> todo = task.cards().stream().filter(id -> !done.contains(id)).toList();
        Map<CardId, CardView> found = new HashMap<>();
        cards.cardsOf(owner, todo).forEach(card -> found.put(card.id(), card));
        Map<DeckId, String> paths = deckPaths(owner);
        Map<TemplateId, Optional<TemplateView>> visible = new HashMap<>();

        List<CardResult> refused = new ArrayList<>();
        List<CardCommand> refusals = new ArrayList<>();
        List<Planned> planned = new ArrayList<>();
        for (CardId id : todo) {
            CardView card = found.get(id);
            if (card == null) {
                refused.add(new CardResult(id, Outcome.FAILED, null, "the card was deleted before it was pushed"));
            } else if (!PUSHABLE.contains(card.status())) {
                refused.add(new CardResult(id, Outcome.FAILED, card.ankiNoteId(), "a " + card.status().name().toLowerCase()
                        + " card is not pushed: approve it first"));
            } else {
                Optional<TemplateView> template = visible.computeIfAbsent(card.templateId(),
                        templateId -> templates.visibleTemplate(owner, templateId));
                if (template.isEmpty()) {
                    fail(card, "its template is gone", refused, refusals, owner);
                } else {
                    planned.add(new Planned(card, template.get(), paths.get(card.deckId())));
                }
            }
        }

        Set<String> missingDecks = new LinkedHashSet<>();
        planned.forEach(each -> missingDecks.add(each.deck()));
        missingDecks.removeAll(anki.deckNames());
        anki.createDecks(List.copyOf(missingDecks));

        Map<TemplateId, String> noteTypeProblems = new HashMap<>();
        List<TemplateView> createdTypes = new ArrayList<>();
        Set<String> existingTypes = anki.noteTypeNames();
        Map<TemplateId, TemplateView> used = new LinkedHashMap<>();
        planned.forEach(each -> used.putIfAbsent(each.template().id(), each.template()));
        for (TemplateView template : used.values()) {
            if (!existingTypes.contains(template.name())) {
                anki.createNoteType(noteTypeOf(template));
                createdTypes.add(template);
            } else {
                List<String> ankiFields = anki.fieldNamesOf(template.name());
                if (!ankiFields.equals(template.fields().names())) {
                    noteTypeProblems.put(template.id(), "Anki's note type '" + template.name() + "' has the fields "
                            + ankiFields + ", this card's template " + template.fields().names()
                            + "; AnkiRAG never changes a note type in Anki: rename the template or the note type");
                }
            }
        }

        uploadMedia(owner, planned, createdTypes);

        List<Planned> sendable = new ArrayList<>();
        for (Planned each : planned) {
            String problem = noteTypeProblems.get(each.template().id());
            if (problem != null) {
                fail(each.card(), problem, refused, refusals, owner);
            } else {
                sendable.add(each);
            }
        }
        commands.sendEach(refusals);
        queue.progressed(task.id(), task.cards().size(), refused);

        for (int from = 0; from < sendable.size(); from += settings.batchSize()) {
            pushBatch(task, sendable.subList(from, Math.min(sendable.size(), from + settings.batchSize())));
        }
    }

    private void pushBatch(ClaimedSyncTask task, List<Planned> batch) {
        UserId owner = task.owner();
        List<Planned> adds = batch.stream().filter(each -> each.card().ankiNoteId() == null).toList();
        List<Planned> updates = batch.stream().filter(each -> each.card().ankiNoteId() != null).toList();
        List<NoteOutcome> added = anki.addNotes(adds.stream().map(each -> new NewNote(each.deck(), each.template().name(),
                fieldsOf(each), each.card().tags())).toList());
        List<NoteOutcome> updated = anki.updateNotes(updates.stream().map(each -> new NoteUpdate(each.card().ankiNoteId(),
                fieldsOf(each), each.card().tags())).toList());

        List<CardResult> results = new ArrayList<>();
        List<CardCommand> outcomes = new ArrayList<>();
        record(adds, added, Outcome.ADDED, results, outcomes, owner);
        record(updates, updated, Outcome.UPDATED, results, outcomes, owner);
        List<DomainException> refusals = commands.sendEach(outcomes);
        for (int i = 0; i < refusals.size(); i++) {
            if (refusals.get(i) != null) {
                CardResult result = results.get(i);
                results.set(i, new CardResult(result.cardId(), Outcome.FAILED, result.ankiNoteId(),
                        "Anki has the note, but the card could not record it: " + refusals.get(i).detail()));
            }
        }
        queue.progressed(task.id(), task.cards().size(), results);
    }

    private void record(List<Planned> planned, List<NoteOutcome> outcomes, Outcome success, List<CardResult> results,
                        List<CardCommand> commandsOut, UserId owner) {
        for (int i = 0; i < planned.size(); i++) {
            CardView card = planned.get(i).card();
            switch (outcomes.get(i)) {
                case Done done -> {
                    AnkiIds ids = card.ankiNoteId() != null && card.ankiNoteId() == done.noteId()
                            ? new AnkiIds(done.noteId(), card.ankiCardId(), card.ankiGuid(), card.ankiNoteTypeId())
                            : new AnkiIds(done.noteId(), null);
                    results.add(new CardResult(card.id(), success, done.noteId(), null));
                    commandsOut.add(new RecordCardSynced(card.id(), owner, ids, clock.instant()));
                }
                case Refused refused -> {
                    results.add(new CardResult(card.id(), Outcome.FAILED, card.ankiNoteId(), refused.reason()));
                    commandsOut.add(new RecordSyncFailure(card.id(), owner, refused.reason(), clock.instant()));
                }
            }
        }
    }

    private void fail(CardView card, String reason, List<CardResult> results, List<CardCommand> failures, UserId owner) {
        results.add(new CardResult(card.id(), Outcome.FAILED, card.ankiNoteId(), reason));
        failures.add(new RecordSyncFailure(card.id(), owner, reason, clock.instant()));
    }

    /** The card's fields in its template's order, which is the note type's. */
    private static Map<String, String> fieldsOf(Planned planned) {
        Map<String, String> fields = new LinkedHashMap<>();
        planned.template().fields().names().forEach(name -> fields.put(name, planned.card().fields().getOrDefault(name, "")));
        return fields;
    }

    private static NoteTypeSpec noteTypeOf(TemplateView template) {
        return new NoteTypeSpec(template.name(), template.kind() == TemplateKind.CLOZE, template.fields().names(),
                template.cardTypes().stream()
                        .map(type -> new CardTypeSpec(type.name(), type.frontTemplate(), type.backTemplate()))
                        .toList(),
                template.css() == null ? "" : template.css());
    }

    /** The files the cards' fields show and the created note types use, that the owner has; in bounded uploads. */
    private void uploadMedia(UserId owner, List<Planned> planned, List<TemplateView> createdTypes) {
        Set<String> names = new LinkedHashSet<>();
        planned.forEach(each -> each.card().fields().values()
                .forEach(value -> names.addAll(AnkiExportService.mediaReferences(value))));
        createdTypes.forEach(template -> names.addAll(AnkiExportService.noteTypeMedia(template)));
        List<MediaFile> files = new ArrayList<>();
        for (String name : names) {
            OptionalLong size = media.sizeOf(owner, name);
            if (size.isEmpty()) {
                continue; // a dangling reference stays one, as in Anki
            }
            try (InputStream in = media.open(owner, name)) {
                files.add(new MediaFile(name, in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (files.size() == MEDIA_FILES_PER_UPLOAD) {
                anki.storeMedia(files);
                files = new ArrayList<>();
            }
        }
        anki.storeMedia(files);
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
        anki.connect();
        String query = task.pullDeck() == null ? "deck:*" : "\"deck:" + escape(task.pullDeck()) + "\"";
        if (task.pullSince() != null) {
            long days = Math.max(1, Duration.between(task.pullSince(), clock.instant()).toDays() + 1);
            query += " edited:" + days;
        }
        List<NoteInfo> notes = new ArrayList<>();
        for (NoteInfo note : anki.notesInfo(anki.findNotes(query))) {
            if (task.pullSince() == null || !note.modified().isBefore(task.pullSince().truncatedTo(ChronoUnit.SECONDS))) {
                notes.add(note);
            }
        }
        Map<Long, CardView> byNote = new HashMap<>();
        cards.cardsOfAnkiNotes(owner, notes.stream().map(NoteInfo::noteId).toList())
                .forEach(card -> byNote.putIfAbsent(card.ankiNoteId(), card));
        List<NoteInfo> fresh = notes.stream().filter(note -> !byNote.containsKey(note.noteId())).toList();
        List<NoteInfo> known = notes.stream().filter(note -> byNote.containsKey(note.noteId())).toList();
        int total = notes.size();
        queue.progressed(task.id(), total, List.of());
        for (int from = 0; from < known.size(); from += settings.batchSize()) {
            pullEdits(task, total, known.subList(from, Math.min(known.size(), from + settings.batchSize())), byNote);
        }
        if (!fresh.isEmpty()) {
            pullNew(task, total, fresh);
        }
    }

    private void pullEdits(ClaimedSyncTask task, int total, List<NoteInfo> notes, Map<Long, CardView> byNote) {
        UserId owner = task.owner();
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
        queue.progressed(task.id(), total, results);
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
    private void pullNew(ClaimedSyncTask task, int total, List<NoteInfo> notes) {
        UserId owner = task.owner();
        Map<String, Long> deckIds = anki.deckIds();
        Map<String, Long> typeIds = anki.noteTypeIds();
        Map<String, AnkiNoteType> types = new LinkedHashMap<>();
        Set<String> usedDecks = new LinkedHashSet<>();
        List<AnkiNote> ankiNotes = new ArrayList<>();
        List<AnkiCard> ankiCards = new ArrayList<>();
        Set<String> mediaNames = new LinkedHashSet<>();
        for (NoteInfo note : notes) {
            AnkiNoteType type = types.computeIfAbsent(note.noteType(), name -> noteTypeFrom(anki.noteType(name),
                    typeIds.getOrDefault(name, 0L)));
            List<String> values = type.fields().stream().map(name -> note.fields().getOrDefault(name, "")).toList();
            ankiNotes.add(new AnkiNote(note.noteId(), null, type.ankiId(), values, note.tags(), note.modified()));
            if (note.deck() != null && !note.cardIds().isEmpty()) {
                usedDecks.add(note.deck());
                ankiCards.add(new AnkiCard(note.cardIds().getFirst(), note.noteId(), deckIds.getOrDefault(note.deck(), 0L), 0));
            }
            values.forEach(value -> mediaNames.addAll(AnkiExportService.mediaReferences(value)));
        }
        List<AnkiDeck> ankiDecks = usedDecks.stream()
                .map(path -> new AnkiDeck(deckIds.getOrDefault(path, 0L), List.of(path.split("::")))).toList();
        List<AnkiMedia> files = new ArrayList<>();
        for (String name : mediaNames) {
            if (media.sizeOf(owner, name).isPresent()) {
                continue;
            }
            byte[] content = anki.retrieveMedia(name);
            if (content != null) {
                files.add(new AnkiMedia(name, content.length, () -> new ByteArrayInputStream(content)));
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
        List<Long> created = notes.stream().map(NoteInfo::noteId).filter(id -> !notCreated.contains(id)).toList();
        cards.cardsOfAnkiNotes(owner, created)
                .forEach(card -> results.add(new CardResult(card.id(), Outcome.CREATED, card.ankiNoteId(), null)));
        queue.progressed(task.id(), total, results);
    }

    private static AnkiNoteType noteTypeFrom(NoteTypeSpec spec, long id) {
        return new AnkiNoteType(id, spec.name(), spec.cloze() ? AnkiNoteType.Kind.CLOZE : AnkiNoteType.Kind.STANDARD,
                spec.fields(), spec.cardTypes().stream()
                        .map(type -> new AnkiCardTemplate(type.name(), type.front(), type.back())).toList(),
                spec.css());
    }

    /** A deck path inside a quoted Anki search: quotes and backslashes escaped, wildcards taken literally. */
    static String escape(String deckPath) {
        return deckPath.replace("\\", "\\\\").replace("\"", "\\\"").replace("*", "\\*").replace("_", "\\_");
    }
}
