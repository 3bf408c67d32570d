package io.ankirag.application.port.out.anki;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A running Anki, reached through the AnkiConnect add-on (protocol version 6). Every method may throw a
 * {@link io.ankirag.domain.error.DomainException} with {@code SYNC_001} (Anki is not reachable or did not answer in
 * time: worth trying again later), {@code SYNC_003} (the add-on is too old), {@code SYNC_004} (the add-on refused
 * access: permission denied or a wrong or missing API key) or {@code SYNC_005} (Anki refused the request as a whole).
 * Per-note refusals are answers, not exceptions.
 */
public interface AnkiConnectPort {

    /** Checks that Anki answers, speaks version 6 or later and lets us in; call it before anything else. */
    void connect();

    /**
     * The add-on's protocol version: a light check that Anki answers (no permission prompt), for the settings page.
     * Throws {@code SYNC_001} when Anki is not reachable.
     */
    int version();

    /** Where AnkiConnect is reached, without the key. */
    URI url();

    Set<String> deckNames();

    /** Every deck's id, by its full path. */
    Map<String, Long> deckIds();

    /** Creates each deck with its parents ({@code A::B::C}); existing decks are left as they are. */
    void createDecks(List<String> deckPaths);

    Set<String> noteTypeNames();

    /** Every note type's id, by name. */
    Map<String, Long> noteTypeIds();

    /** An existing note type: fields in order, card types, CSS; a cloze type is told by its cloze front. */
    NoteTypeSpec noteType(String name);

    /** The fields of an existing note type, in their order. */
    List<String> fieldNamesOf(String noteType);

    void createNoteType(NoteTypeSpec noteType);

    /**
     * Adds the notes, each on its own: a note Anki refuses (a duplicate of its note type's first field, an empty
     * first field, a missing deck) fails alone and never takes the others with it.
     *
     * @return one outcome per note, in order
     */
    List<NoteOutcome> addNotes(List<NewNote> notes);

    /**
     * Replaces the fields (and tags) of existing notes, and reads them back: Anki silently keeps the old fields of a
     * note open in its browser, which counts as failed.
     *
     * @return one outcome per update, in order
     */
    List<NoteOutcome> updateNotes(List<NoteUpdate> updates);

    /** Stores the files in Anki's media folder, replacing files of the same name. */
    void storeMedia(List<MediaFile> files);

    /** The ids of the notes an Anki search finds ({@code deck:"A::B"}, {@code edited:3}, ...). */
    List<Long> findNotes(String query);

    /** The notes with these ids, with the deck of their first card; unknown ids are left out. */
    List<NoteInfo> notesInfo(List<Long> noteIds);

    /** A media file's content, or {@code null} when Anki has none of that name. */
    byte[] retrieveMedia(String name);

    /** How many HTTP requests this client has sent so far (for the benchmark and for tests of batching). */
    long roundTrips();

    /**
     * @param cardTypes for a cloze note type, the one cloze card type
     */
    record NoteTypeSpec(String name, boolean cloze, List<String> fields, List<CardTypeSpec> cardTypes, String css) {
    }

    record CardTypeSpec(String name, String front, String back) {
    }

    /** @param fields in the note type's order */
    record NewNote(String deck, String noteType, Map<String, String> fields, List<String> tags) {
    }

    record NoteUpdate(long noteId, Map<String, String> fields, List<String> tags) {
    }

    sealed interface NoteOutcome {
    }

    record Done(long noteId) implements NoteOutcome {
    }

    record Refused(String reason) implements NoteOutcome {
    }

    record MediaFile(String name, byte[] content) {
    }

    /** @param modified when the note last changed in Anki (second precision) */
    record NoteInfo(long noteId, String noteType, String deck, Map<String, String> fields, List<String> tags,
                    Instant modified, List<Long> cardIds) {
    }
}
