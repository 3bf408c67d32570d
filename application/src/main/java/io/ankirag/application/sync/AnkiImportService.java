package io.ankirag.application.sync;

import io.ankirag.application.anki.AnkiCard;
import io.ankirag.application.anki.AnkiCardTemplate;
import io.ankirag.application.anki.AnkiDeck;
import io.ankirag.application.anki.AnkiMedia;
import io.ankirag.application.anki.AnkiNote;
import io.ankirag.application.anki.AnkiNoteType;
import io.ankirag.application.anki.AnkiPackage;
import io.ankirag.application.anki.ReadLimits;
import io.ankirag.application.port.in.card.CardView;
import io.ankirag.application.port.in.deck.DeckView;
import io.ankirag.application.port.in.sync.ImportAnkiPackageUseCase;
import io.ankirag.application.port.in.sync.ImportProgress;
import io.ankirag.application.port.in.sync.ImportProgress.Phase;
import io.ankirag.application.port.in.template.TemplateView;
import io.ankirag.application.port.out.anki.ReadAnkiPackagePort;
import io.ankirag.application.port.out.card.CardReadModelPort;
import io.ankirag.application.port.out.command.SendCommandPort;
import io.ankirag.application.port.out.deck.DeckReadModelPort;
import io.ankirag.application.port.out.media.StoreMediaPort;
import io.ankirag.application.port.out.template.FindTemplateFieldsPort;
import io.ankirag.application.port.out.template.TemplateReadModelPort;
import io.ankirag.domain.card.AnkiIds;
import io.ankirag.domain.card.CardCommand;
import io.ankirag.domain.card.CardCommand.CreateCard;
import io.ankirag.domain.card.CardCommand.EditCard;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.card.CardOrigin;
import io.ankirag.domain.card.Tags;
import io.ankirag.domain.deck.DeckCommand.CreateDeck;
import io.ankirag.domain.deck.DeckDescription;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.deck.DeckName;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.shared.AggregateCommand;
import io.ankirag.domain.template.CardTemplate;
import io.ankirag.domain.template.CardType;
import io.ankirag.domain.template.SystemTemplates;
import io.ankirag.domain.template.SystemTemplates.SystemTemplate;
import io.ankirag.domain.template.TemplateCommand.CreateTemplate;
import io.ankirag.domain.template.TemplateDesign;
import io.ankirag.domain.template.TemplateField;
import io.ankirag.domain.template.TemplateFields;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.template.TemplateKind;
import io.ankirag.domain.template.TemplateName;
import io.ankirag.domain.user.UserId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Maps an Anki package onto the owner's library as one unit: the decks and templates it needs and every card go
 * to {@link SendCommandPort#sendTogether} together, so either all of them are stored or none is. Media files are
 * stored first (cards reference them); if the unit then fails, the files this import created are removed again.
 * A file that replaced one of the same name stays replaced: Anki names media after their content's origin, so
 * the owner's file of that name is normally the same picture.
 */
public class AnkiImportService implements ImportAnkiPackageUseCase {

    static final List<String> DEFAULT_DECK = List.of("Default");
    private static final int MAX_TEMPLATE_NAME = 100;
    /** Progress is told every this many notes or media files. */
    static final int PROGRESS_EVERY = 500;

    private final ReadAnkiPackagePort reader;
    private final SendCommandPort commands;
    private final DeckReadModelPort decks;
    private final TemplateReadModelPort templates;
    private final FindTemplateFieldsPort templateFields;
    private final CardReadModelPort cards;
    private final StoreMediaPort media;
    private final ReadLimits limits;
    private final Clock clock;

    public AnkiImportService(ReadAnkiPackagePort reader, SendCommandPort commands, DeckReadModelPort decks,
                             TemplateReadModelPort templates, FindTemplateFieldsPort templateFields,
                             CardReadModelPort cards, StoreMediaPort media, ReadLimits limits, Clock clock) {
        this.reader = reader;
        this.commands = commands;
        this.decks = decks;
        this.templates = templates;
        this.templateFields = templateFields;
        this.cards = cards;
        this.media = media;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public ImportReport importPackage(UserId owner, Path file, ImportOptions options) {
        return importPackage(owner, file, options, ImportListener.NONE);
    }

    ImportReport importPackage(UserId owner, Path file, ImportOptions options, ImportListener listener) {
        checkOptions(owner, options);
        listener.progressed(ImportProgress.of(Phase.READING));
        try (AnkiPackage pkg = reader.read(file, limits)) {
            return new Run(owner, pkg, options, listener).execute();
        }
    }

    /**
     * Makes cards of notes pulled from the owner's Anki (issue 8), as an import of a package built in memory: the
     * package's decks and templates by note type, one card per note, the media; a note whose first field a card in
     * its deck already has is skipped.
     */
    ImportReport importPulled(UserId owner, AnkiPackage pkg) {
        return new Run(owner, pkg, new ImportOptions(null, true, false, List.of()), ImportListener.NONE).execute();
    }

    /** What can be refused before the package is read: the same checks whether it runs now or in a job. */
    void checkOptions(UserId owner, ImportOptions options) {
        if (options.targetDeck() != null && decks.deckOf(owner, options.targetDeck()).isEmpty()) {
            throw new DomainException(ErrorCode.DECK_001, "no deck with id " + options.targetDeck());
        }
        if (!options.createDeck() && options.targetDeck() == null) {
            throw new DomainException(ErrorCode.REQ_002, "without create_deck, a deck_id to import into is required");
        }
        new Tags(options.extraTags());
    }

    /** Refuses, cheaply, a file that cannot be an Anki package: for large uploads, before they are queued. */
    void checkLooksLikePackage(Path file) {
        reader.inspect(file, limits);
    }

    /** One import: the state that lives while mapping one package for one owner. */
    private final class Run {

        private final UserId owner;
        private final AnkiPackage pkg;
        private final ImportOptions options;
        private final ImportListener listener;
        private final List<SkippedNote> skipped = new ArrayList<>();
        private final List<FailedNote> failed = new ArrayList<>();
        /** The decks and templates the cards need, created in the same unit as the cards. */
        private final List<AggregateCommand> structure = new ArrayList<>();
        private final DeckTree tree;
        private final Map<Long, Destination> templateOfNoteType = new HashMap<>();
        /** Templates this import creates, by lower-cased name, so that a second note type of the name finds them. */
        private final Map<String, PlannedTemplate> plannedTemplates = new HashMap<>();
        private final Map<TemplateId, Optional<TemplateFields>> fieldsOfTemplate = new HashMap<>();
        private int createdTemplates;
        private ImportReport report;

        Run(UserId owner, AnkiPackage pkg, ImportOptions options, ImportListener listener) {
            this.owner = owner;
            this.pkg = pkg;
            this.options = options;
            this.listener = listener;
            this.tree = new DeckTree(owner, decks.allDecksOf(owner), structure);
        }

        ImportReport execute() {
            Map<Long, AnkiCard> firstCards = firstCardOfEachNote();
            Map<Long, AnkiDeck> decksById = new HashMap<>();
            pkg.decks().forEach(deck -> decksById.put(deck.ankiId(), deck));
            Map<Long, AnkiNoteType> noteTypes = new HashMap<>();
            pkg.noteTypes().forEach(type -> noteTypes.put(type.ankiId(), type));
            Map<Long, CardView> byAnkiNote = new HashMap<>();
            cards.cardsOfAnkiNotes(owner, pkg.notes().stream().map(AnkiNote::ankiId).toList())
                    .forEach(card -> byAnkiNote.putIfAbsent(card.ankiNoteId(), card));
            Map<DeckId, Map<String, CardView>> firstFieldsByDeck = new HashMap<>();
            int total = pkg.notes().size();
            listener.progressed(new ImportProgress(Phase.CARDS, 0, total, 0, pkg.media().size()));
            createDecks();

            List<CardCommand> batch = new ArrayList<>();
            List<Long> batchNotes = new ArrayList<>();
            int done = 0;
            for (AnkiNote note : pkg.notes()) {
                if (++done % PROGRESS_EVERY == 0) {
                    listener.progressed(new ImportProgress(Phase.CARDS, done, total, 0, pkg.media().size()));
                }
                try {
                    Destination template = templateFor(noteTypes.get(note.noteTypeId()));
                    AnkiCard first = firstCards.get(note.ankiId());
                    DeckId deck = deckFor(first == null ? null : decksById.get(first.deckId()));
                    Map<String, String> fields = fieldsByName(template.fields(), note.fields());
                    List<String> tagValues = new ArrayList<>(note.tags());
                    tagValues.addAll(options.extraTags());
                    Tags tags = new Tags(tagValues);
                    CardView existing = byAnkiNote.get(note.ankiId());
                    String reason = "Anki note " + note.ankiId() + " is already card " + (existing == null ? "" : existing.id());
                    if (existing == null) {
                        String firstField = fields.values().iterator().next();
                        existing = firstFieldsByDeck.computeIfAbsent(deck, this::cardsByFirstField).get(firstField);
                        reason = "a card with the same first field is already in the deck (card "
                                + (existing == null ? "" : existing.id()) + ")";
                    }
                    if (existing != null && !options.overwrite()) {
                        skipped.add(new SkippedNote(note.ankiId(), reason));
                        continue;
                    }
                    if (existing != null) {
                        if (!existing.templateId().equals(template.id())) {
                            throw new DomainException(ErrorCode.REQ_002, "card " + existing.id()
                                    + " uses another template than this note's; it is left as it is");
                        }
                        batch.add(new EditCard(existing.id(), owner, template.fields(), fields, tags, clock.instant()));
                    } else {
                        AnkiIds ankiIds = new AnkiIds(note.ankiId(), first == null ? null : first.ankiId(), note.guid(),
                                note.noteTypeId());
                        batch.add(new CreateCard(CardId.newId(clock), owner, deck, template.id(), template.fields(),
                                fields, tags, CardOrigin.IMPORTED, ankiIds, clock.instant()));
                    }
                    batchNotes.add(note.ankiId());
                } catch (DomainException refused) {
                    failed.add(new FailedNote(note.ankiId(), refused.code(), refused.detail()));
                }
            }
            List<String> createdMedia = new ArrayList<>();
            try {
                storeMedia(createdMedia, total);
                listener.progressed(new ImportProgress(Phase.SAVING, total, total, pkg.media().size(), pkg.media().size()));
                // One unit: decks, templates and cards are stored together, or, on any failure, none of them.
                commands.sendTogether(structure, batch, refusals -> {
                    report = report(batch, batchNotes, refusals);
                    listener.beforeCommit(report);
                });
                return report;
            } catch (RuntimeException failure) {
                createdMedia.forEach(name -> removeQuietly(name, failure));
                throw failure;
            }
        }

        private ImportReport report(List<CardCommand> batch, List<Long> batchNotes, List<DomainException> refusals) {
            List<FailedNote> allFailed = new ArrayList<>(failed);
            int imported = 0;
            int updated = 0;
            for (int i = 0; i < batch.size(); i++) {
                DomainException refusal = refusals.get(i);
                if (refusal != null) {
                    allFailed.add(new FailedNote(batchNotes.get(i), refusal.code(), refusal.detail()));
                } else if (batch.get(i) instanceof CreateCard) {
                    imported++;
                } else {
                    updated++;
                }
            }
            return new ImportReport(imported, updated, skipped, allFailed, tree.created(), createdTemplates,
                    pkg.media().size());
        }

        /** Every deck of the package, so that its structure survives, except an empty "Default" (Anki always has one). */
        private void createDecks() {
            if (!options.createDeck()) {
                return;
            }
            Set<Long> used = new HashSet<>();
            pkg.cards().forEach(card -> used.add(card.deckId()));
            for (AnkiDeck deck : pkg.decks()) {
                if (!deck.path().equals(DEFAULT_DECK) || used.contains(deck.ankiId())) {
                    tree.ensure(options.targetDeck(), deck.path());
                }
            }
        }

        private Map<Long, AnkiCard> firstCardOfEachNote() {
            Map<Long, AnkiCard> first = new HashMap<>();
            Comparator<AnkiCard> order = Comparator.comparingInt(AnkiCard::ordinal).thenComparingLong(AnkiCard::ankiId);
            for (AnkiCard card : pkg.cards()) {
                first.merge(card.noteId(), card, (a, b) -> order.compare(a, b) <= 0 ? a : b);
            }
            return first;
        }

        /** A note's deck: its first card's, under the target deck; Anki shows cards of a missing deck in "Default". */
        private DeckId deckFor(AnkiDeck deck) {
            if (!options.createDeck()) {
                return options.targetDeck();
            }
            return tree.ensure(options.targetDeck(), deck == null ? DEFAULT_DECK : deck.path());
        }

        private Map<String, CardView> cardsByFirstField(DeckId deck) {
            Map<String, CardView> byFirst = new HashMap<>();
            if (tree.isNew(deck)) {
                return byFirst;
            }
            for (CardView card : cards.cardsOf(owner, cards.cardIdsIn(owner, deck))) {
                fieldsOfTemplate.computeIfAbsent(card.templateId(), id -> templateFields.templateFieldsFor(owner, id))
                        .ifPresent(schema -> {
                            String value = card.fields().get(schema.names().getFirst());
                            if (value != null) {
                                byFirst.putIfAbsent(value, card);
                            }
                        });
            }
            return byFirst;
        }

        private Destination templateFor(AnkiNoteType type) {
            Destination known = templateOfNoteType.get(type.ankiId());
            if (known == null) {
                try {
                    known = resolve(type);
                } catch (DomainException refused) {
                    known = new Destination(null, null, refused);
                }
                templateOfNoteType.put(type.ankiId(), known);
            }
            if (known.refusal() != null) {
                throw new DomainException(known.refusal().code(), "note type '" + type.name() + "': " + known.refusal().detail());
            }
            return known;
        }

        /** A system template that is the same note type, else the owner's of that name and fields, else a new one. */
        private Destination resolve(AnkiNoteType type) {
            if (isImageOcclusion(type)) {
                throw new DomainException(ErrorCode.REQ_002,
                        "Image Occlusion is not supported: its masks only work inside Anki's image occlusion editor");
            }
            TemplateKind kind = type.kind() == AnkiNoteType.Kind.CLOZE ? TemplateKind.CLOZE : TemplateKind.STANDARD;
            for (SystemTemplate system : SystemTemplates.ALL) {
                if (sameNoteType(system, kind, type)) {
                    return new Destination(system.id(), system.design().fields(), null);
                }
            }
            List<CardType> cardTypes = type.templates().stream()
                    .map(template -> new CardType(template.name(), template.front(), template.back()))
                    .toList();
            TemplateFields fields = new TemplateFields(IntStream.range(0, type.fields().size())
                    .mapToObj(i -> new TemplateField(type.fields().get(i), i == 0))
                    .toList());
            String name = new TemplateName(type.name()).value();
            Optional<TemplateView> own = templates.ownTemplateNamed(owner, name);
            if (own.isPresent() && own.get().kind() == kind && own.get().fields().names().equals(fields.names())) {
                return new Destination(own.get().id(), own.get().fields(), null);
            }
            PlannedTemplate planned = plannedTemplates.get(key(name));
            if (planned != null && planned.kind() == kind && planned.fields().names().equals(fields.names())) {
                return new Destination(planned.id(), planned.fields(), null);
            }
            TemplateName freeName = freeName(name);
            TemplateId id = TemplateId.newId(clock);
            CreateTemplate create = new CreateTemplate(id, owner, freeName, kind,
                    new TemplateDesign(freeName.value(), fields, cardTypes, type.css()), clock.instant());
            // Decided now, by the template's own rules, so that a note type it refuses fails its notes only.
            CardTemplate.initial().decide(create);
            structure.add(create);
            plannedTemplates.putIfAbsent(key(name), new PlannedTemplate(id, kind, fields));
            plannedTemplates.put(key(freeName.value()), new PlannedTemplate(id, kind, fields));
            createdTemplates++;
            return new Destination(id, fields, null);
        }

        private boolean nameTaken(String name) {
            return plannedTemplates.containsKey(key(name)) || templates.ownsTemplateNamed(owner, name);
        }

        /** The name, or "name (2)", "name (3)", … when the owner already has a different template of that name. */
        private TemplateName freeName(String name) {
            if (!nameTaken(name)) {
                return new TemplateName(name);
            }
            for (int n = 2; ; n++) {
                String suffix = " (" + n + ")";
                String candidate = name.substring(0, Math.min(name.length(), MAX_TEMPLATE_NAME - suffix.length())) + suffix;
                if (!nameTaken(candidate)) {
                    return new TemplateName(candidate);
                }
            }
        }

        /** Stores every media file; {@code created} collects the names the owner did not have, for undoing. */
        private void storeMedia(List<String> created, int notes) {
            int total = pkg.media().size();
            int done = 0;
            for (AnkiMedia file : pkg.media()) {
                if (done % PROGRESS_EVERY == 0) {
                    listener.progressed(new ImportProgress(Phase.MEDIA, notes, notes, done, total));
                }
                boolean isNew = media.sizeOf(owner, file.name()).isEmpty();
                try (InputStream content = file.open()) {
                    media.store(owner, file.name(), content);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (isNew) {
                    created.add(file.name());
                }
                done++;
            }
        }

        private void removeQuietly(String name, RuntimeException failure) {
            try {
                media.remove(owner, name);
            } catch (RuntimeException alsoFailed) {
                failure.addSuppressed(alsoFailed);
            }
        }
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** Where notes of one note type go: a template and its fields, or why they cannot go anywhere. */
    private record Destination(TemplateId id, TemplateFields fields, DomainException refusal) {
    }

    /** A template this import creates, in the same unit as its cards. */
    private record PlannedTemplate(TemplateId id, TemplateKind kind, TemplateFields fields) {
    }

    /** Same kind, same fields in order, same number of card types, and the same name or the same fronts. */
    static boolean sameNoteType(SystemTemplate system, TemplateKind kind, AnkiNoteType type) {
        List<CardType> systemTypes = system.design().cardTypes();
        if (system.kind() != kind || !system.design().fields().names().equals(type.fields())
                || systemTypes.size() != type.templates().size()) {
            return false;
        }
        if (system.name().value().equals(type.name())) {
            return true;
        }
        for (int i = 0; i < systemTypes.size(); i++) {
            AnkiCardTemplate template = type.templates().get(i);
            if (!systemTypes.get(i).frontTemplate().strip().equals(template.front().strip())) {
                return false;
            }
        }
        return true;
    }

    /** Anki's Image Occlusion note type: a cloze type whose template runs Anki's own occlusion script. */
    static boolean isImageOcclusion(AnkiNoteType type) {
        return type.templates().stream().anyMatch(t -> t.front().contains("image-occlusion")
                || t.front().contains("imageOcclusion"));
    }

    /** A note's values under the template's field names, by position; Anki pads short notes, so do we. */
    static Map<String, String> fieldsByName(TemplateFields fields, List<String> values) {
        if (values.size() > fields.fields().size()) {
            throw new DomainException(ErrorCode.REQ_002, "the note has " + values.size() + " fields, its note type "
                    + fields.fields().size());
        }
        Map<String, String> byName = new LinkedHashMap<>();
        List<String> names = fields.names();
        for (int i = 0; i < names.size(); i++) {
            byName.put(names.get(i), i < values.size() ? values.get(i) : "");
        }
        return byName;
    }

    /** The owner's decks by path, with the ones this import creates; deck names match ignoring case, as in Anki. */
    private final class DeckTree {

        private final Map<DeckId, Map<String, DeckId>> children = new HashMap<>();
        private final Map<String, DeckId> roots = new HashMap<>();
        private final Set<DeckId> createdIds = new HashSet<>();
        private final UserId owner;
        private final List<AggregateCommand> creations;

        /** @param creations where the decks to create go, parents before their children */
        DeckTree(UserId owner, List<DeckView> existing, List<AggregateCommand> creations) {
            this.owner = owner;
            this.creations = creations;
            for (DeckView deck : existing) {
                level(deck.parentId()).putIfAbsent(key(deck.name()), deck.id());
            }
        }

        DeckId ensure(DeckId base, List<String> path) {
            DeckId current = base;
            for (String name : path) {
                Map<String, DeckId> level = level(current);
                DeckId found = level.get(key(name));
                if (found == null) {
                    found = create(current, name);
                    level.put(key(name), found);
                }
                current = found;
            }
            return current;
        }

        private DeckId create(DeckId parent, String name) {
            DeckId id = DeckId.newId(clock);
            creations.add(new CreateDeck(id, owner, new DeckName(name), new DeckDescription(null), parent,
                    clock.instant()));
            createdIds.add(id);
            return id;
        }

        boolean isNew(DeckId deck) {
            return createdIds.contains(deck);
        }

        int created() {
            return createdIds.size();
        }

        private Map<String, DeckId> level(DeckId parent) {
            return parent == null ? roots : children.computeIfAbsent(parent, p -> new HashMap<>());
        }
    }
}
