package io.ankirag.application.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ankirag.application.port.in.sync.PullPlan;
import io.ankirag.application.port.in.sync.PulledNotes;
import io.ankirag.application.port.out.anki.AnkiConnectPort;
import io.ankirag.application.port.out.anki.AnkiConnectPort.CardTypeSpec;
import io.ankirag.application.port.out.anki.AnkiConnectPort.MediaFile;
import io.ankirag.application.port.out.anki.AnkiConnectPort.NoteInfo;
import io.ankirag.application.port.out.anki.AnkiConnectPort.NoteTypeSpec;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PullReaderTest {

    private static final Instant NOW = Instant.parse("2026-11-25T18:00:00Z");
    private static final NoteTypeSpec BASIC = new NoteTypeSpec("Basic", false, List.of("Front", "Back"),
            List.of(new CardTypeSpec("Card 1", "{{Front}}", "{{Back}}")), ".card {}");

    private final ScriptedAnki anki = new ScriptedAnki();
    private final PullReader reader = new PullReader(anki, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void readsAllDecksOrOneDeckSubtreeWithItsNameQuotedAndWildcardsTakenLiterally() {
        anki.notes.add(note(1, "Biology::Cells", "Mitochondria", NOW.minusSeconds(3_600)));

        assertThat(reader.notes(new PullPlan(null, null))).extracting(NoteInfo::noteId).containsExactly(1L);
        reader.notes(new PullPlan("Bio_logy \"*\"", null));

        assertThat(anki.queries).containsExactly("deck:*", "\"deck:Bio\\_logy \\\"\\*\\\"\"");
        assertThat(anki.connects).isEqualTo(2);
    }

    @Test
    void sinceTheLastPullAsksAnkiForWholeDaysThenKeepsOnlyNotesModifiedAtOrAfterTheInstant() {
        Instant since = NOW.minusSeconds(2 * 86_400 + 30).plusMillis(700);
        anki.notes.add(note(1, "Biology", "older", since.minusSeconds(1)));
        anki.notes.add(note(2, "Biology", "same second", since.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        anki.notes.add(note(3, "Biology", "newer", since.plusSeconds(60)));

        List<NoteInfo> notes = reader.notes(new PullPlan("Biology", since));

        assertThat(anki.queries).containsExactly("\"deck:Biology\" edited:3");
        assertThat(notes).extracting(NoteInfo::noteId).containsExactly(2L, 3L);
    }

    @Test
    void detailsGiveTheIdsAndNoteTypesOfTheNotesAndOnlyTheMediaAskedForThatAnkiHas() {
        NoteInfo cell = note(1, "Biology::Cells", "<img src=\"cell.png\"> [sound:cell.mp3]", NOW);
        NoteInfo atom = note(2, "Chemistry", "<img src=\"atom.png\"> <img src=\"gone.png\">", NOW);
        anki.media.put("cell.png", new byte[] {1, 2});
        anki.media.put("cell.mp3", new byte[] {3});
        anki.media.put("atom.png", new byte[] {4, 5, 6});

        PulledNotes pulled = reader.details(List.of(cell, atom), name -> !name.equals("cell.mp3"));

        assertThat(pulled.notes()).containsExactly(cell, atom);
        assertThat(pulled.deckIds()).isEqualTo(Map.of("Biology::Cells", 11L, "Chemistry", 12L));
        assertThat(pulled.noteTypes()).isEqualTo(Map.of("Basic", BASIC));
        assertThat(pulled.noteTypeIds()).isEqualTo(Map.of("Basic", 7L));
        assertThat(pulled.media()).extracting(MediaFile::name).containsExactly("cell.png", "atom.png");
        assertThat(pulled.mediaBytes()).isEqualTo(5);
        assertThat(anki.mediaAsked).containsExactly("cell.png", "atom.png", "gone.png");
        assertThat(anki.noteTypesAsked).containsExactly("Basic");
    }

    @Test
    void ankiUnreachableStopsTheReadWithItsCode() {
        anki.refuse = new DomainException(ErrorCode.SYNC_001, "Anki is not running");

        assertThatThrownBy(() -> reader.notes(new PullPlan(null, null)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SYNC_001));
        assertThat(anki.queries).isEmpty();
    }

    private static NoteInfo note(long id, String deck, String front, Instant modified) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Front", front);
        fields.put("Back", "back " + id);
        return new NoteInfo(id, "Basic", deck, fields, List.of("tag"), modified, List.of(id * 10));
    }

    /** Answers reads from what the test put in; records what it was asked. */
    private static final class ScriptedAnki implements AnkiConnectPort {

        @Override
        public int version() {
            return 6;
        }

        @Override
        public java.net.URI url() {
            return java.net.URI.create("http://127.0.0.1:8765");
        }

        final List<NoteInfo> notes = new ArrayList<>();
        final Map<String, byte[]> media = new LinkedHashMap<>();
        final List<String> queries = new ArrayList<>();
        final List<String> mediaAsked = new ArrayList<>();
        final List<String> noteTypesAsked = new ArrayList<>();
        DomainException refuse;
        int connects;

        @Override
        public void connect() {
            if (refuse != null) {
                throw refuse;
            }
            connects++;
        }

        @Override
        public Set<String> deckNames() {
            return deckIds().keySet();
        }

        @Override
        public Map<String, Long> deckIds() {
            return Map.of("Biology", 10L, "Biology::Cells", 11L, "Chemistry", 12L);
        }

        @Override
        public void createDecks(List<String> deckPaths) {
            throw new AssertionError("a pull never creates decks");
        }

        @Override
        public Set<String> noteTypeNames() {
            return Set.of("Basic");
        }

        @Override
        public Map<String, Long> noteTypeIds() {
            return Map.of("Basic", 7L, "Cloze", 8L);
        }

        @Override
        public NoteTypeSpec noteType(String name) {
            noteTypesAsked.add(name);
            return BASIC;
        }

        @Override
        public List<String> fieldNamesOf(String noteType) {
            return BASIC.fields();
        }

        @Override
        public void createNoteType(NoteTypeSpec noteType) {
            throw new AssertionError("a pull never creates note types");
        }

        @Override
        public List<NoteOutcome> addNotes(List<NewNote> notes) {
            throw new AssertionError("a pull never adds notes");
        }

        @Override
        public List<NoteOutcome> updateNotes(List<NoteUpdate> updates) {
            throw new AssertionError("a pull never updates notes");
        }

        @Override
        public void storeMedia(List<MediaFile> files) {
            throw new AssertionError("a pull never stores media");
        }

        @Override
        public List<Long> findNotes(String query) {
            queries.add(query);
            return notes.stream().map(NoteInfo::noteId).toList();
        }

        @Override
        public List<NoteInfo> notesInfo(List<Long> noteIds) {
            return notes.stream().filter(note -> noteIds.contains(note.noteId())).toList();
        }

        @Override
        public byte[] retrieveMedia(String name) {
            mediaAsked.add(name);
            return media.get(name);
        }

        @Override
        public long roundTrips() {
            return 0;
        }
    }
}
