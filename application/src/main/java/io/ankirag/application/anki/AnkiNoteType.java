package io.ankirag.application.anki;

import java.time.Instant;
import java.util.List;

/**
 * A note type ("model" in old Anki): its fields in order, one template per card it makes, and its CSS.
 *
 * @param modified when it last changed: importing it, Anki replaces its own note type of the same id only when this
 *                 is newer; {@code null} where unknown (a writer then takes the time of writing)
 */
public record AnkiNoteType(long ankiId, String name, Kind kind, List<String> fields, List<AnkiCardTemplate> templates,
                           String css, Instant modified) {

    public enum Kind {
        STANDARD,
        /** Cloze and Image Occlusion: one card per cloze number, from the single template. */
        CLOZE
    }

    public AnkiNoteType {
        fields = List.copyOf(fields);
        templates = List.copyOf(templates);
    }

    public AnkiNoteType(long ankiId, String name, Kind kind, List<String> fields, List<AnkiCardTemplate> templates,
                        String css) {
        this(ankiId, name, kind, fields, templates, css, null);
    }
}
