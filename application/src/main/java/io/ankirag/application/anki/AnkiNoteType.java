package io.ankirag.application.anki;

import java.util.List;

/** A note type ("model" in old Anki): its fields in order, one template per card it makes, and its CSS. */
public record AnkiNoteType(long ankiId, String name, Kind kind, List<String> fields, List<AnkiCardTemplate> templates,
                           String css) {

    public enum Kind {
        STANDARD,
        /** Cloze and Image Occlusion: one card per cloze number, from the single template. */
        CLOZE
    }

    public AnkiNoteType {
        fields = List.copyOf(fields);
        templates = List.copyOf(templates);
    }
}
