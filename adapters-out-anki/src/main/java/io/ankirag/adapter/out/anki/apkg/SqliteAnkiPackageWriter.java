package io.ankirag.adapter.out.anki.apkg;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ankirag.application.anki.AnkiCard;
import io.ankirag.application.anki.AnkiCardTemplate;
import io.ankirag.application.anki.AnkiDeck;
import io.ankirag.application.anki.AnkiMedia;
import io.ankirag.application.anki.AnkiNote;
import io.ankirag.application.anki.AnkiNoteType;
import io.ankirag.application.anki.AnkiPackage;
import io.ankirag.application.port.out.anki.WriteAnkiPackagePort;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;

/**
 * Writes the legacy package format (Anki's {@code exporting.py} {@code AnkiPackageExporter}): a schema 11
 * {@code collection.anki2} whose {@code col} row carries note types, decks and deck options as JSON, media as zip
 * entries {@code 0}, {@code 1}, … named by the {@code media} map. Every card is new (type and queue 0) and
 * {@code usn} is -1 throughout, as Anki's own exports write them.
 */
@Component
class SqliteAnkiPackageWriter implements WriteAnkiPackagePort {

    static final long DEFAULT_DECK_ID = 1;
    private static final String FIELD_SEPARATOR = "\u001f";
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern MEDIA_TAG = Pattern.compile("<img[^>]*\\bsrc=[\"']?([^\"'>\\s]+)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SCHEMA = """
            CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL,
              ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL,
              models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL);
            CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL,
              usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL,
              flags integer NOT NULL, data text NOT NULL);
            CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL,
              mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL, due integer NOT NULL,
              ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL, lapses integer NOT NULL,
              left integer NOT NULL, odue integer NOT NULL, odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
            CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL,
              ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL,
              type integer NOT NULL);
            CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
            CREATE INDEX ix_notes_usn ON notes (usn);
            CREATE INDEX ix_cards_usn ON cards (usn);
            CREATE INDEX ix_revlog_usn ON revlog (usn);
            CREATE INDEX ix_cards_nid ON cards (nid);
            CREATE INDEX ix_cards_sched ON cards (did, queue, due);
            CREATE INDEX ix_revlog_cid ON revlog (cid);
            CREATE INDEX ix_notes_csum ON notes (csum);
            """;

    private static final String DECK_OPTIONS = """
            {"1": {"id": 1, "name": "Default", "mod": 0, "usn": 0, "maxTaken": 60, "autoplay": true, "timer": 0,
              "replayq": true, "dyn": false,
              "new": {"bury": false, "delays": [1.0, 10.0], "initialFactor": 2500, "ints": [1, 4, 0], "order": 1,
                "perDay": 20},
              "rev": {"bury": false, "ease4": 1.3, "ivlFct": 1.0, "maxIvl": 36500, "perDay": 200, "hardFactor": 1.2},
              "lapse": {"delays": [10.0], "leechAction": 1, "leechFails": 8, "minInt": 1, "mult": 0.0}}}
            """;

    private static final String COLLECTION_CONF = """
            {"activeDecks": [1], "curDeck": 1, "newSpread": 0, "collapseTime": 1200, "timeLim": 0, "estTimes": true,
             "dueCounts": true, "curModel": null, "nextPos": 1, "sortType": "noteFld", "sortBackwards": false,
             "addToCur": true}
            """;

    private static final String LATEX_PRE = """
            \\documentclass[12pt]{article}
            \\special{papersize=3in,5in}
            \\usepackage[utf8]{inputenc}
            \\usepackage{amssymb,amsmath}
            \\pagestyle{empty}
            \\setlength{\\parindent}{0in}
            \\begin{document}
            """;

    private final Path temporaryFolder;

    SqliteAnkiPackageWriter() {
        this(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** @param temporaryFolder where the collection is built (SQLite needs a file), removed after each write */
    SqliteAnkiPackageWriter(Path temporaryFolder) {
        this.temporaryFolder = temporaryFolder;
    }

    @Override
    public void write(AnkiPackage pkg, Path target) {
        checkReferences(pkg);
        Path collection = null;
        try {
            collection = Files.createTempFile(temporaryFolder, "ankirag-export-", ".anki2");
            writeCollection(pkg, collection);
            try (OutputStream file = Files.newOutputStream(target);
                 ZipOutputStream zip = new ZipOutputStream(file)) {
                zip.putNextEntry(new ZipEntry("collection.anki2"));
                Files.copy(collection, zip);
                zip.closeEntry();
                ObjectNode map = JSON.createObjectNode();
                for (int i = 0; i < pkg.media().size(); i++) {
                    AnkiMedia media = pkg.media().get(i);
                    map.put(Integer.toString(i), media.name());
                    zip.putNextEntry(new ZipEntry(Integer.toString(i)));
                    try (InputStream content = media.open()) {
                        content.transferTo(zip);
                    }
                    zip.closeEntry();
                }
                zip.putNextEntry(new ZipEntry("media"));
                zip.write(JSON.writeValueAsBytes(map));
                zip.closeEntry();
            }
        } catch (IOException | UncheckedIOException | SQLException e) {
            throw new DomainException(ErrorCode.SYS_001, "the Anki package could not be written", e);
        } finally {
            deleteQuietly(collection);
        }
    }

    private static void checkReferences(AnkiPackage pkg) {
        Set<Long> noteTypes = new HashSet<>();
        pkg.noteTypes().forEach(type -> noteTypes.add(type.ankiId()));
        Set<Long> notes = new HashSet<>();
        for (AnkiNote note : pkg.notes()) {
            if (!noteTypes.contains(note.noteTypeId()) || !notes.add(note.ankiId())) {
                throw new DomainException(ErrorCode.REQ_002, "note " + note.ankiId() + " is a duplicate or lacks its note type");
            }
        }
        Set<Long> decks = new HashSet<>(List.of(DEFAULT_DECK_ID));
        pkg.decks().forEach(deck -> decks.add(deck.ankiId()));
        for (AnkiCard card : pkg.cards()) {
            if (!notes.contains(card.noteId()) || !decks.contains(card.deckId())) {
                throw new DomainException(ErrorCode.REQ_002, "card " + card.ankiId() + " lacks its note or deck");
            }
        }
    }

    private static void writeCollection(AnkiPackage pkg, Path collection) throws SQLException, IOException {
        long now = System.currentTimeMillis();
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + collection)) {
            sqlite.setAutoCommit(false);
            try (Statement ddl = sqlite.createStatement()) {
                for (String statement : SCHEMA.split(";")) {
                    if (!statement.isBlank()) {
                        ddl.execute(statement);
                    }
                }
            }
            try (PreparedStatement col = sqlite.prepareStatement(
                    "INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')")) {
                col.setLong(1, now / 1000 / 86_400 * 86_400);
                col.setLong(2, now);
                col.setLong(3, now);
                col.setString(4, COLLECTION_CONF);
                col.setString(5, JSON.writeValueAsString(models(pkg, now)));
                col.setString(6, JSON.writeValueAsString(decks(pkg, now)));
                col.setString(7, DECK_OPTIONS);
                col.executeUpdate();
            }
            Map<Long, Integer> position = new HashMap<>();
            Map<Long, Long> modified = new HashMap<>();
            try (PreparedStatement insert = sqlite.prepareStatement(
                    "INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')")) {
                for (AnkiNote note : pkg.notes()) {
                    String first = note.fields().isEmpty() ? "" : stripHtml(note.fields().getFirst());
                    long mod = note.modified().getEpochSecond();
                    insert.setLong(1, note.ankiId());
                    insert.setString(2, note.guid());
                    insert.setLong(3, note.noteTypeId());
                    insert.setLong(4, mod);
                    insert.setString(5, note.tags().isEmpty() ? "" : " " + String.join(" ", note.tags()) + " ");
                    insert.setString(6, String.join(FIELD_SEPARATOR, note.fields()));
                    insert.setString(7, first);
                    insert.setLong(8, checksum(first));
                    insert.addBatch();
                    position.put(note.ankiId(), position.size() + 1);
                    modified.put(note.ankiId(), mod);
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = sqlite.prepareStatement(
                    "INSERT INTO cards VALUES (?, ?, ?, ?, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')")) {
                for (AnkiCard card : pkg.cards()) {
                    insert.setLong(1, card.ankiId());
                    insert.setLong(2, card.noteId());
                    insert.setLong(3, card.deckId());
                    insert.setInt(4, card.ordinal());
                    insert.setLong(5, modified.get(card.noteId()));
                    insert.setLong(6, position.get(card.noteId()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            sqlite.commit();
        }
    }

    private static ObjectNode models(AnkiPackage pkg, long now) {
        ObjectNode models = JSON.createObjectNode();
        for (AnkiNoteType type : pkg.noteTypes()) {
            ObjectNode model = models.putObject(Long.toString(type.ankiId()));
            model.put("id", type.ankiId());
            model.put("name", type.name());
            model.put("type", type.kind() == AnkiNoteType.Kind.CLOZE ? 1 : 0);
            model.put("mod", type.modified() == null ? now / 1000 : type.modified().getEpochSecond());
            model.put("usn", -1);
            model.put("sortf", 0);
            model.put("did", DEFAULT_DECK_ID);
            model.put("css", type.css());
            model.put("latexPre", LATEX_PRE);
            model.put("latexPost", "\\end{document}");
            model.put("latexsvg", false);
            model.putArray("tags");
            model.putArray("vers");
            ArrayNode fields = model.putArray("flds");
            for (int i = 0; i < type.fields().size(); i++) {
                ObjectNode field = fields.addObject();
                field.put("name", type.fields().get(i));
                field.put("ord", i);
                field.put("sticky", false);
                field.put("rtl", false);
                field.put("font", "Arial");
                field.put("size", 20);
                field.putArray("media");
            }
            ArrayNode templates = model.putArray("tmpls");
            ArrayNode requirements = model.putArray("req");
            for (int i = 0; i < type.templates().size(); i++) {
                AnkiCardTemplate template = type.templates().get(i);
                ObjectNode json = templates.addObject();
                json.put("name", template.name());
                json.put("ord", i);
                json.put("qfmt", template.front());
                json.put("afmt", template.back());
                json.putNull("did");
                json.put("bqfmt", "");
                json.put("bafmt", "");
                // Anki recomputes requirements on import; "any of the first field" is what a basic type has.
                ArrayNode requirement = requirements.addArray();
                requirement.add(i).add("any").addArray().add(0);
            }
        }
        return models;
    }

    private static ObjectNode decks(AnkiPackage pkg, long now) {
        ObjectNode decks = JSON.createObjectNode();
        boolean hasDefault = pkg.decks().stream().anyMatch(deck -> deck.ankiId() == DEFAULT_DECK_ID);
        if (!hasDefault) {
            deck(decks, DEFAULT_DECK_ID, "Default", now);
        }
        for (AnkiDeck deck : pkg.decks()) {
            deck(decks, deck.ankiId(), String.join("::", deck.path()), now);
        }
        return decks;
    }

    private static void deck(ObjectNode decks, long id, String name, long now) {
        ObjectNode deck = decks.putObject(Long.toString(id));
        deck.put("id", id);
        deck.put("name", name);
        deck.put("desc", "");
        deck.put("mod", now / 1000);
        deck.put("usn", -1);
        deck.put("collapsed", false);
        deck.put("browserCollapsed", false);
        for (String day : List.of("newToday", "revToday", "lrnToday", "timeToday")) {
            deck.putArray(day).add(0).add(0);
        }
        deck.put("dyn", 0);
        deck.put("conf", 1);
        deck.put("extendNew", 0);
        deck.put("extendRev", 0);
    }

    /** Anki's {@code strip_html_preserving_media_filenames}, closely enough for the sort field and checksum. */
    static String stripHtml(String html) {
        String withMedia = MEDIA_TAG.matcher(html).replaceAll(" $1 ");
        return TAG.matcher(withMedia).replaceAll("")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
                .strip();
    }

    /** The first 8 hex digits of the SHA-1 of the stripped first field, as Anki's {@code field_checksum}. */
    static long checksum(String strippedFirstField) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(strippedFirstField.getBytes(StandardCharsets.UTF_8));
            return ((digest[0] & 0xffL) << 24) | ((digest[1] & 0xffL) << 16) | ((digest[2] & 0xffL) << 8) | (digest[3] & 0xffL);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            file.toFile().deleteOnExit();
        }
    }
}
