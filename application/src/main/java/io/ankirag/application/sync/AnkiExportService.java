package io.ankirag.application.sync;

import io.ankirag.application.anki.AnkiCard;
import io.ankirag.application.anki.AnkiCardTemplate;
import io.ankirag.application.anki.AnkiDeck;
import io.ankirag.application.anki.AnkiMedia;
import io.ankirag.application.anki.AnkiNote;
import io.ankirag.application.anki.AnkiNoteType;
import io.ankirag.application.anki.AnkiPackage;
import io.ankirag.application.anki.AnkiPackageFormat;
import io.ankirag.application.deck.DeckForest;
import io.ankirag.application.port.in.card.CardView;
import io.ankirag.application.port.in.deck.DeckView;
import io.ankirag.application.port.in.sync.ExportDeckUseCase;
import io.ankirag.application.port.in.template.TemplateView;
import io.ankirag.application.port.out.anki.WriteAnkiPackagePort;
import io.ankirag.application.port.out.card.CardReadModelPort;
import io.ankirag.application.port.out.deck.DeckReadModelPort;
import io.ankirag.application.port.out.media.StoreMediaPort;
import io.ankirag.application.port.out.template.TemplateReadModelPort;
import io.ankirag.domain.card.CardStatus;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.template.CardType;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.template.TemplateKind;
import io.ankirag.domain.template.render.AnkiTemplateRenderer;
import io.ankirag.domain.user.UserId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Builds an Anki package from a deck subtree. Ids are Anki's where a card came from Anki (note guid, note, card and
 * note type ids), else derived, never stored: the note guid from the card id, so that Anki recognises a note it
 * imported from an earlier export (and updates it when the card changed since); note and card ids from the card's
 * creation time; deck and note type ids from their UUIDs.
 */
public class AnkiExportService implements ExportDeckUseCase {

    private static final Set<CardStatus> APPROVED = Set.of(CardStatus.APPROVED, CardStatus.SYNCED, CardStatus.SYNC_FAILED);
    /** Anki's media tags ({@code HTML_MEDIA_TAGS} in rslib {@code text.rs}): a src or data attribute of these five. */
    private static final Pattern MEDIA_TAG = Pattern.compile("<(?:img|audio|video|object|source)\\b[^>]*?\\b(?:src|data)"
            + "\\s*=\\s*(?:\"([^\"]+)\"|'([^']+)'|([^\\s>]+))", Pattern.CASE_INSENSITIVE);
    private static final Pattern SOUND = Pattern.compile("\\[sound:([^\\]]+)]");
    /** Files a note type's CSS imports or loads whose names start with "_", which Anki exports with the note type. */
    private static final Pattern UNDERSCORED_CSS_IMPORT = Pattern.compile(
            "@import\\s+(?:\"(_[^\"]*\\.css)\"|'(_[^']*\\.css)')|url\\(\\s*(?:\"(_[^\"]+)\"|'(_[^']+)'|(_.+?))\\s*\\)",
            Pattern.CASE_INSENSITIVE);
    /** The same in a card template: a sound tag, a quoted string or a bare src or data attribute. */
    private static final Pattern UNDERSCORED_REFERENCE = Pattern.compile(
            "\\[sound:(_[^\\]]+)]|\"(_[^\"]+)\"|'(_[^']+)'|\\b(?:src|data)=(_[^ >]+)");
    private static final Pattern CLOZE_FIELD = Pattern.compile("\\{\\{(?:[^}]*:)?cloze:([^}]+)}}");
    private static final long ID_MASK = (1L << 53) - 1;

    private final DeckReadModelPort decks;
    private final CardReadModelPort cards;
    private final TemplateReadModelPort templates;
    private final StoreMediaPort media;
    private final WriteAnkiPackagePort writer;

    public AnkiExportService(DeckReadModelPort decks, CardReadModelPort cards, TemplateReadModelPort templates,
                             StoreMediaPort media, WriteAnkiPackagePort writer) {
        this.decks = decks;
        this.cards = cards;
        this.templates = templates;
        this.media = media;
        this.writer = writer;
    }

    @Override
    public ExportedDeck exportDeck(UserId owner, DeckId deckId, boolean onlyApproved) {
        DeckView top = decks.deckOf(owner, deckId)
                .orElseThrow(() -> new DomainException(ErrorCode.DECK_001, "no deck with id " + deckId));
        AnkiPackage pkg = collect(owner, top, onlyApproved);
        Path file = null;
        try {
            file = Files.createTempFile("ankirag-export-", ".apkg");
            writer.write(pkg, file);
            return new ExportedDeck(file, top.name());
        } catch (IOException e) {
            throw new DomainException(ErrorCode.SYS_001, "no temporary file for the export", e);
        } catch (RuntimeException failed) {
            deleteQuietly(file);
            throw failed;
        }
    }

    private AnkiPackage collect(UserId owner, DeckView top, boolean onlyApproved) {
        List<DeckView> all = decks.allDecksOf(owner);
        Map<DeckId, DeckView> byId = new HashMap<>();
        all.forEach(deck -> byId.put(deck.id(), deck));
        List<DeckId> subtree = new DeckForest(all).subtreeDeepestFirst(top.id()).reversed();

        List<AnkiDeck> ankiDecks = new ArrayList<>();
        Map<DeckId, Long> deckIds = new HashMap<>();
        for (DeckId id : subtree) {
            long ankiId = idOf(id.value());
            deckIds.put(id, ankiId);
            ankiDecks.add(new AnkiDeck(ankiId, pathBelow(top, byId.get(id), byId)));
        }

        Map<TemplateId, Optional<TemplateView>> visible = new HashMap<>();
        List<Included> included = new ArrayList<>();
        for (DeckId deck : subtree) {
            for (CardView card : cards.cardsOf(owner, cards.cardIdsIn(owner, deck))) {
                if (card.status() == CardStatus.REJECTED || onlyApproved && !APPROVED.contains(card.status())) {
                    continue;
                }
                visible.computeIfAbsent(card.templateId(), id -> templates.visibleTemplate(owner, id))
                        .ifPresent(template -> included.add(new Included(card, template, deck)));
            }
        }

        NoteTypeIds noteTypes = new NoteTypeIds(included);
        Set<Long> noteIds = new HashSet<>();
        Set<Long> cardIds = new HashSet<>();
        List<AnkiNote> notes = new ArrayList<>();
        List<AnkiCard> ankiCards = new ArrayList<>();
        Set<String> mediaNames = new LinkedHashSet<>();
        for (Included each : included) {
            CardView card = each.card();
            List<String> values = each.template().fields().names().stream()
                    .map(name -> card.fields().getOrDefault(name, ""))
                    .toList();
            long noteId = unique(card.ankiNoteId() != null ? card.ankiNoteId() : card.createdAt().toEpochMilli(), noteIds);
            notes.add(new AnkiNote(noteId, guidOf(card), noteTypes.of(card, each.template()), values, card.tags(),
                    card.updatedAt()));
            long cardBase = card.ankiCardId() != null ? card.ankiCardId() : noteId;
            for (int ordinal : ordinals(each.template(), card.fields())) {
                ankiCards.add(new AnkiCard(unique(cardBase + ordinal, cardIds), noteId, deckIds.get(each.deck()), ordinal));
            }
            values.forEach(value -> mediaNames.addAll(mediaReferences(value)));
        }
        noteTypes.templates().forEach(template -> mediaNames.addAll(noteTypeMedia(template)));
        return new AnkiPackage(AnkiPackageFormat.LEGACY_ANKI2, ankiDecks, noteTypes.noteTypes(), notes, ankiCards,
                mediaFiles(owner, mediaNames));
    }

    /** A card that goes into the package, with its template and deck. */
    record Included(CardView card, TemplateView template, DeckId deck) {
    }

    /**
     * Which Anki note type each exported note names. A note that came from Anki keeps the id of its note type there:
     * Anki updates a note only from one of the same note type and leaves any other as a conflict. A note written here
     * joins the note type Anki knows its template by (the one most of the template's notes came from), so that Anki
     * adds no copy of it; a template no note came from gets an id derived from its UUID. One id never names two
     * templates.
     */
    static final class NoteTypeIds {

        private final Map<TemplateId, Long> fromAnki = new HashMap<>();
        private final Map<Long, TemplateView> named = new LinkedHashMap<>();

        NoteTypeIds(List<Included> included) {
            Map<TemplateId, Map<Long, Integer>> counts = new HashMap<>();
            for (Included each : included) {
                if (each.card().ankiNoteTypeId() != null) {
                    counts.computeIfAbsent(each.template().id(), id -> new TreeMap<>())
                            .merge(each.card().ankiNoteTypeId(), 1, Integer::sum);
                }
            }
            counts.forEach((template, byId) -> fromAnki.put(template,
                    byId.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey()));
        }

        long of(CardView card, TemplateView template) {
            Long known = card.ankiNoteTypeId() != null ? card.ankiNoteTypeId() : fromAnki.get(template.id());
            if (known != null && claim(known, template)) {
                return known;
            }
            long id = idOf(template.id().value());
            while (!claim(id, template)) {
                id++;
            }
            return id;
        }

        private boolean claim(long id, TemplateView template) {
            TemplateView holder = named.putIfAbsent(id, template);
            return holder == null || holder.id().equals(template.id());
        }

        /** The templates the notes use, each once. */
        Collection<TemplateView> templates() {
            Map<TemplateId, TemplateView> distinct = new LinkedHashMap<>();
            named.values().forEach(template -> distinct.putIfAbsent(template.id(), template));
            return distinct.values();
        }

        List<AnkiNoteType> noteTypes() {
            return named.entrySet().stream().map(entry -> noteType(entry.getKey(), entry.getValue())).toList();
        }
    }

    /** The deck's path from the exported deck down, which becomes a top-level deck in Anki. */
    private static List<String> pathBelow(DeckView top, DeckView deck, Map<DeckId, DeckView> byId) {
        List<String> path = new ArrayList<>();
        for (DeckView level = deck; level != null; level = byId.get(level.parentId())) {
            path.addFirst(level.name());
            if (level.id().equals(top.id())) {
                break;
            }
        }
        return path;
    }

    /**
     * One Anki card per card type whose front shows something for these fields (Anki makes no card for a blank
     * front, and its Empty Cards tool would offer to delete one), or per cloze number in the fields the cloze
     * template shows.
     */
    static List<Integer> ordinals(TemplateView template, Map<String, String> fields) {
        if (template.kind() == TemplateKind.STANDARD) {
            List<Integer> shown = IntStream.range(0, template.cardTypes().size())
                    .filter(i -> AnkiTemplateRenderer.makesCard(template.cardTypes().get(i).frontTemplate(), fields))
                    .boxed().toList();
            // Anki keeps a note none of whose fronts shows anything with its first card, as it adds it.
            return shown.isEmpty() ? List.of(0) : shown;
        }
        Set<String> clozeFields = new LinkedHashSet<>();
        for (CardType type : template.cardTypes()) {
            Matcher matcher = CLOZE_FIELD.matcher(type.frontTemplate());
            while (matcher.find()) {
                clozeFields.add(matcher.group(1).strip());
            }
        }
        SortedSet<Integer> numbers = new TreeSet<>();
        for (String field : clozeFields.isEmpty() ? fields.keySet() : clozeFields) {
            numbers.addAll(AnkiTemplateRenderer.clozeOrdinals(fields.getOrDefault(field, "")));
        }
        // Anki keeps a note without cloze numbers as one (empty) card 1.
        return numbers.isEmpty() ? List.of(0) : numbers.stream().map(number -> number - 1).toList();
    }

    /**
     * The template as a note type. A system template changes only with AnkiRAG itself and stands for Anki's stock
     * note type of its name, which the user may have restyled: it is older than anything in Anki, so that Anki keeps
     * its own version of a note type these notes came from instead of taking ours.
     */
    private static AnkiNoteType noteType(long id, TemplateView template) {
        return new AnkiNoteType(id, template.name(),
                template.kind() == TemplateKind.CLOZE ? AnkiNoteType.Kind.CLOZE : AnkiNoteType.Kind.STANDARD,
                template.fields().names(),
                template.cardTypes().stream()
                        .map(type -> new AnkiCardTemplate(type.name(), type.frontTemplate(), type.backTemplate()))
                        .toList(),
                template.css() == null ? "" : template.css(),
                template.system() ? Instant.EPOCH : template.updatedAt());
    }

    /** The media files a field's HTML shows or plays, as Anki finds them. */
    static Set<String> mediaReferences(String html) {
        Set<String> names = new LinkedHashSet<>();
        for (Pattern pattern : List.of(MEDIA_TAG, SOUND)) {
            Matcher matcher = pattern.matcher(html);
            while (matcher.find()) {
                String name = firstGroup(matcher).replace("&amp;", "&").strip();
                if (!name.contains("://") && !name.startsWith("data:")) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /**
     * The files a template's CSS and card types use whose names start with "_" (fonts, scripts, shared images): Anki
     * keeps them apart from notes and exports them with the note type ({@code Notetype::gather_media_names}).
     */
    static Set<String> noteTypeMedia(TemplateView template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher css = UNDERSCORED_CSS_IMPORT.matcher(template.css() == null ? "" : template.css());
        while (css.find()) {
            names.add(firstGroup(css));
        }
        for (CardType type : template.cardTypes()) {
            Matcher matcher = UNDERSCORED_REFERENCE.matcher(type.frontTemplate() + "\n" + type.backTemplate());
            while (matcher.find()) {
                names.add(firstGroup(matcher));
            }
        }
        return names;
    }

    /** The one alternative that matched: double-quoted, single-quoted or bare. */
    private static String firstGroup(Matcher matcher) {
        for (int group = 1; group <= matcher.groupCount(); group++) {
            if (matcher.group(group) != null) {
                return matcher.group(group);
            }
        }
        return "";
    }

    /** The referenced files the owner has; a reference to a file never uploaded stays a dangling reference, as in Anki. */
    private List<AnkiMedia> mediaFiles(UserId owner, Set<String> names) {
        List<AnkiMedia> files = new ArrayList<>();
        for (String name : names) {
            OptionalLong size = media.sizeOf(owner, name);
            if (size.isPresent()) {
                files.add(new AnkiMedia(name, size.getAsLong(), () -> media.open(owner, name)));
            }
        }
        return files;
    }

    /**
     * The guid Anki gave the note when the card came from Anki, so that Anki updates its note on import instead of
     * adding a second one; otherwise the card's UUID as 22 url-safe base64 characters, stable and unique.
     */
    static String guidOf(CardView card) {
        if (card.ankiGuid() != null && !card.ankiGuid().isBlank()) {
            return card.ankiGuid();
        }
        UUID id = card.id().value();
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** A positive id below 2^53 (JavaScript-safe, as Anki's are), never Anki's default deck or note type id 1. */
    static long idOf(UUID id) {
        long mixed = (id.getMostSignificantBits() ^ id.getLeastSignificantBits()) & ID_MASK;
        return mixed <= 1 ? mixed + 2 : mixed;
    }

    private static long unique(long candidate, Set<Long> taken) {
        long id = candidate;
        while (!taken.add(id)) {
            id++;
        }
        return id;
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
