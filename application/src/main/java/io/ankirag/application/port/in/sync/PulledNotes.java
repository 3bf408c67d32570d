package io.ankirag.application.port.in.sync;

import io.ankirag.application.port.out.anki.AnkiConnectPort.MediaFile;
import io.ankirag.application.port.out.anki.AnkiConnectPort.NoteInfo;
import io.ankirag.application.port.out.anki.AnkiConnectPort.NoteTypeSpec;
import java.util.List;
import java.util.Map;

/**
 * What a pull read from Anki for a batch of notes: the notes with their modification times and fields, and what a
 * note no card has yet needs to become one (its deck's and note type's Anki ids, the note types, the media files the
 * notes reference that the reader was asked for).
 *
 * @param deckIds     Anki's id of each deck the notes are in, by path
 * @param noteTypes   the note types of the notes, by name
 * @param noteTypeIds Anki's id of each of those note types, by name
 */
public record PulledNotes(List<NoteInfo> notes, Map<String, Long> deckIds, Map<String, NoteTypeSpec> noteTypes,
                          Map<String, Long> noteTypeIds, List<MediaFile> media) {

    public PulledNotes {
        notes = List.copyOf(notes);
        deckIds = Map.copyOf(deckIds);
        noteTypes = Map.copyOf(noteTypes);
        noteTypeIds = Map.copyOf(noteTypeIds);
        media = List.copyOf(media);
    }

    /** The bytes of media this batch carries. */
    public long mediaBytes() {
        return media.stream().mapToLong(file -> file.content().length).sum();
    }
}
