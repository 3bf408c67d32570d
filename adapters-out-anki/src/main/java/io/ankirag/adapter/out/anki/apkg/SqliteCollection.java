package io.ankirag.adapter.out.anki.apkg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ankirag.application.anki.AnkiCard;
import io.ankirag.application.anki.AnkiCardTemplate;
import io.ankirag.application.anki.AnkiDeck;
import io.ankirag.application.anki.AnkiNote;
import io.ankirag.application.anki.AnkiNoteType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sqlite.Collation;
import org.sqlite.SQLiteConfig;

/**
 * An extracted Anki collection, read with fixed SQL only: field contents are data, never part of a query. Schema
 * 11 to 14 keep note types and decks as JSON in the {@code col} row; 15 to 18 keep them in tables whose configs are
 * protobuf.
 */
final class SqliteCollection {

    static final int MIN_SCHEMA = 11;
    static final int MAX_SCHEMA = 18;
    private static final int FIRST_TABLE_SCHEMA = 15;
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final String FIELD_SEPARATOR = "\u001f";

    record Contents(List<AnkiDeck> decks, List<AnkiNoteType> noteTypes, List<AnkiNote> notes, List<AnkiCard> cards) {
    }

    private SqliteCollection() {
    }

    static Contents read(Path database) throws IOException, SQLException {
        checkHeader(database);
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath(),
                readOnly.toProperties())) {
            // Anki declares name columns COLLATE unicase (Unicode case folding); SQLite needs it to touch them.
            Collation.create(sqlite, "unicase", new Collation() {
                @Override
                protected int xCompare(String left, String right) {
                    return String.CASE_INSENSITIVE_ORDER.compare(left, right);
                }
            });
            try (Statement pragma = sqlite.createStatement()) {
                // A hostile file's schema may not run functions with side effects.
                pragma.execute("PRAGMA trusted_schema = OFF");
                pragma.execute("PRAGMA query_only = ON");
            }
            checkIntegrity(sqlite);
            int schema = schemaVersion(sqlite);
            boolean tables = schema >= FIRST_TABLE_SCHEMA;
            requireTables(sqlite, tables
                    ? List.of("col", "notes", "cards", "notetypes", "fields", "templates", "decks")
                    : List.of("col", "notes", "cards"));
            List<AnkiNoteType> noteTypes = tables ? noteTypesFromTables(sqlite) : noteTypesFromJson(sqlite);
            List<AnkiDeck> decks = tables ? decksFromTable(sqlite) : decksFromJson(sqlite);
            List<AnkiNote> notes = notes(sqlite, noteTypes);
            List<AnkiCard> cards = cards(sqlite, notes);
            return new Contents(decks, noteTypes, notes, cards);
        }
    }

    private static void checkHeader(Path database) throws IOException {
        byte[] header = new byte[SQLITE_HEADER.length];
        int read;
        try (InputStream in = Files.newInputStream(database)) {
            read = in.readNBytes(header, 0, header.length);
        }
        if (read < header.length || !Arrays.equals(header, SQLITE_HEADER)) {
            throw InvalidPackage.because("The package's collection is not an SQLite database.");
        }
    }

    private static void checkIntegrity(Connection sqlite) throws SQLException {
        try (Statement check = sqlite.createStatement(); ResultSet result = check.executeQuery("PRAGMA quick_check(1)")) {
            String verdict = result.next() ? result.getString(1) : null;
            if (!"ok".equals(verdict)) {
                throw InvalidPackage.because("The package's collection is damaged (SQLite: " + verdict + ").");
            }
        }
    }

    private static int schemaVersion(Connection sqlite) throws SQLException {
        requireTables(sqlite, List.of("col"));
        try (Statement query = sqlite.createStatement(); ResultSet col = query.executeQuery("SELECT ver FROM col")) {
            if (!col.next()) {
                throw InvalidPackage.because("The package's collection has no collection row.");
            }
            long version = col.getLong(1);
            if (version < MIN_SCHEMA || version > MAX_SCHEMA) {
                throw InvalidPackage.because("The package's collection has schema version " + version
                        + "; this reader knows " + MIN_SCHEMA + " to " + MAX_SCHEMA + ".");
            }
            return (int) version;
        }
    }

    /** Real tables only: a view could run any query the file's author liked, for as long as they liked. */
    private static void requireTables(Connection sqlite, List<String> names) throws SQLException {
        try (PreparedStatement query = sqlite.prepareStatement(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?")) {
            for (String name : names) {
                query.setString(1, name);
                try (ResultSet found = query.executeQuery()) {
                    if (!found.next() || found.getInt(1) != 1) {
                        throw InvalidPackage.because("The package's collection has no table \"" + name + "\".");
                    }
                }
            }
        }
    }

    private static List<AnkiNoteType> noteTypesFromJson(Connection sqlite) throws SQLException {
        JsonNode models = colJson(sqlite, "models");
        List<AnkiNoteType> noteTypes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> model : models.properties()) {
            JsonNode value = model.getValue();
            List<String> fields = inOrder(value.path("flds")).stream().map(field -> text(field, "name")).toList();
            List<AnkiCardTemplate> templates = inOrder(value.path("tmpls")).stream()
                    .map(template -> new AnkiCardTemplate(text(template, "name"), text(template, "qfmt"),
                            text(template, "afmt")))
                    .toList();
            AnkiNoteType.Kind kind = value.path("type").asInt(0) == 1 ? AnkiNoteType.Kind.CLOZE : AnkiNoteType.Kind.STANDARD;
            noteTypes.add(new AnkiNoteType(id(model.getKey(), "note type"), text(value, "name"), kind, fields,
                    templates, text(value, "css")));
        }
        return noteTypes;
    }

    private static List<AnkiDeck> decksFromJson(Connection sqlite) throws SQLException {
        JsonNode decks = colJson(sqlite, "decks");
        List<AnkiDeck> result = new ArrayList<>();
        for (Map.Entry<String, JsonNode> deck : decks.properties()) {
            result.add(new AnkiDeck(id(deck.getKey(), "deck"), List.of(text(deck.getValue(), "name").split("::", -1))));
        }
        return result;
    }

    private static JsonNode colJson(Connection sqlite, String column) throws SQLException {
        // The column name comes from this class's two constants above, never from the file.
        String sql = "models".equals(column) ? "SELECT models FROM col" : "SELECT decks FROM col";
        try (Statement query = sqlite.createStatement(); ResultSet col = query.executeQuery(sql)) {
            col.next();
            String json = col.getString(1);
            JsonNode parsed = json == null ? null : new ObjectMapper().readTree(json);
            if (parsed == null || !parsed.isObject()) {
                throw InvalidPackage.because("The package's collection has no " + column + " object.");
            }
            return parsed;
        } catch (IOException notJson) {
            throw InvalidPackage.because("The package's collection has invalid " + column + " JSON.", notJson);
        }
    }

    private static List<JsonNode> inOrder(JsonNode array) {
        if (!array.isArray()) {
            throw InvalidPackage.because("The package's collection has a note type without field or template list.");
        }
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        items.sort(Comparator.comparingInt(item -> item.path("ord").asInt(0)));
        return items;
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.path(key);
        if (!value.isTextual()) {
            throw InvalidPackage.because("The package's collection lacks the text \"" + key + "\" in a note type or deck.");
        }
        return value.textValue();
    }

    private static long id(String key, String what) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException notAnId) {
            throw InvalidPackage.because("The package's collection has a " + what + " with the id \""
                    + PackageArchive.printable(key) + "\".");
        }
    }

    private static List<AnkiNoteType> noteTypesFromTables(Connection sqlite) throws SQLException {
        Map<Long, List<String>> fields = new HashMap<>();
        try (Statement query = sqlite.createStatement();
             ResultSet rows = query.executeQuery("SELECT ntid, name FROM fields ORDER BY ntid, ord")) {
            while (rows.next()) {
                fields.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>()).add(nonNull(rows.getString(2)));
            }
        }
        Map<Long, List<AnkiCardTemplate>> templates = new HashMap<>();
        try (Statement query = sqlite.createStatement();
             ResultSet rows = query.executeQuery("SELECT ntid, name, config FROM templates ORDER BY ntid, ord")) {
            while (rows.next()) {
                templates.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>())
                        .add(template(nonNull(rows.getString(2)), rows.getBytes(3)));
            }
        }
        List<AnkiNoteType> noteTypes = new ArrayList<>();
        try (Statement query = sqlite.createStatement();
             ResultSet rows = query.executeQuery("SELECT id, name, config FROM notetypes ORDER BY id")) {
            while (rows.next()) {
                long id = rows.getLong(1);
                NoteTypeConfig config = noteTypeConfig(rows.getBytes(3));
                noteTypes.add(new AnkiNoteType(id, nonNull(rows.getString(2)), config.kind(),
                        fields.getOrDefault(id, List.of()), templates.getOrDefault(id, List.of()), config.css()));
            }
        }
        return noteTypes;
    }

    private record NoteTypeConfig(AnkiNoteType.Kind kind, String css) {
    }

    /** {@code Notetype.Config}: kind = 1 (0 normal, 1 cloze), css = 3. */
    private static NoteTypeConfig noteTypeConfig(byte[] config) {
        AnkiNoteType.Kind kind = AnkiNoteType.Kind.STANDARD;
        String css = "";
        ProtoReader reader = new ProtoReader(config == null ? new byte[0] : config);
        for (int field = reader.nextField(); field != -1; field = reader.nextField()) {
            switch (field) {
                case 1 -> kind = reader.varint() == 1 ? AnkiNoteType.Kind.CLOZE : AnkiNoteType.Kind.STANDARD;
                case 3 -> css = reader.string();
                default -> reader.skip();
            }
        }
        return new NoteTypeConfig(kind, css);
    }

    /** {@code Notetype.Template.Config}: q_format = 1, a_format = 2. */
    private static AnkiCardTemplate template(String name, byte[] config) {
        String front = "";
        String back = "";
        ProtoReader reader = new ProtoReader(config == null ? new byte[0] : config);
        for (int field = reader.nextField(); field != -1; field = reader.nextField()) {
            switch (field) {
                case 1 -> front = reader.string();
                case 2 -> back = reader.string();
                default -> reader.skip();
            }
        }
        return new AnkiCardTemplate(name, front, back);
    }

    private static List<AnkiDeck> decksFromTable(Connection sqlite) throws SQLException {
        List<AnkiDeck> decks = new ArrayList<>();
        try (Statement query = sqlite.createStatement();
             ResultSet rows = query.executeQuery("SELECT id, name FROM decks ORDER BY id")) {
            while (rows.next()) {
                decks.add(new AnkiDeck(rows.getLong(1), List.of(nonNull(rows.getString(2)).split(FIELD_SEPARATOR, -1))));
            }
        }
        return decks;
    }

    private static List<AnkiNote> notes(Connection sqlite, List<AnkiNoteType> noteTypes) throws SQLException {
        Set<Long> noteTypeIds = new HashSet<>();
        noteTypes.forEach(noteType -> noteTypeIds.add(noteType.ankiId()));
        Map<Long, AnkiNote> notes = new LinkedHashMap<>();
        try (Statement query = sqlite.createStatement();
             ResultSet rows = query.executeQuery("SELECT id, guid, mid, mod, tags, flds FROM notes ORDER BY id")) {
            while (rows.next()) {
                long id = rows.getLong(1);
                long noteType = rows.getLong(3);
                if (!noteTypeIds.contains(noteType)) {
                    throw InvalidPackage.because("The package's note " + id + " has a note type (" + noteType
                            + ") the package does not hold.");
                }
                AnkiNote note = new AnkiNote(id, nonNull(rows.getString(2)), noteType,
                        List.of(nonNull(rows.getString(6)).split(FIELD_SEPARATOR, -1)), tags(rows.getString(5)),
                        modified(id, rows.getLong(4)));
                if (notes.putIfAbsent(id, note) != null) {
                    throw InvalidPackage.because("The package's collection holds note id " + id + " twice.");
                }
            }
        }
        return List.copyOf(notes.values());
    }

    private static List<AnkiCard> cards(Connection sqlite, List<AnkiNote> notes) throws SQLException {
        Set<Long> noteIds = new HashSet<>();
        notes.forEach(note -> noteIds.add(note.ankiId()));
        List<AnkiCard> cards = new ArrayList<>();
        try (Statement query = sqlite.createStatement();
             ResultSet rows = query.executeQuery("SELECT id, nid, did, ord FROM cards ORDER BY id")) {
            while (rows.next()) {
                long id = rows.getLong(1);
                long note = rows.getLong(2);
                if (!noteIds.contains(note)) {
                    throw InvalidPackage.because("The package's card " + id + " belongs to a note (" + note
                            + ") the package does not hold.");
                }
                cards.add(new AnkiCard(id, note, rows.getLong(3), rows.getInt(4)));
            }
        }
        return cards;
    }

    /** Anki's space-separated tags; split by hand, since a regex per note was a fifth of reading the notes. */
    static List<String> tags(String tags) {
        if (tags == null) {
            return List.of();
        }
        List<String> split = new ArrayList<>(4);
        int start = -1;
        for (int i = 0; i <= tags.length(); i++) {
            boolean separator = i == tags.length() || Character.isWhitespace(tags.charAt(i));
            if (separator && start >= 0) {
                split.add(tags.substring(start, i));
                start = -1;
            } else if (!separator && start < 0) {
                start = i;
            }
        }
        return List.copyOf(split);
    }

    private static Instant modified(long note, long epochSeconds) {
        try {
            return Instant.ofEpochSecond(epochSeconds);
        } catch (DateTimeException impossible) {
            throw InvalidPackage.because("The package's note " + note + " has an impossible modification time.");
        }
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
