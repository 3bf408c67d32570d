package io.ankirag.application.anki;

import java.time.Instant;
import java.util.List;

/** A note: its field values (HTML, as Anki stores them) in the note type's field order, and its tags. */
public record AnkiNote(long ankiId, String guid, long noteTypeId, List<String> fields, List<String> tags,
                       Instant modified) {

    public AnkiNote {
        fields = List.copyOf(fields);
        tags = List.copyOf(tags);
    }
}
