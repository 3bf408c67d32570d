package io.ankirag.application.sync;

import io.ankirag.application.port.in.sync.PullPlan;
import io.ankirag.application.port.in.sync.PulledNotes;
import io.ankirag.application.port.out.anki.AnkiConnectPort;
import io.ankirag.application.port.out.anki.AnkiConnectPort.MediaFile;
import io.ankirag.application.port.out.anki.AnkiConnectPort.NoteInfo;
import io.ankirag.application.port.out.anki.AnkiConnectPort.NoteTypeSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads what a {@link PullPlan} asks from one Anki: first the notes (of all decks or a deck subtree, all or only those
 * modified since a given instant), then, for the notes that need it, their decks' and note types' ids, the note types
 * and the media they reference. No Spring, no database: the server's sync worker and the desktop agent run the same
 * code.
 */
public final class PullReader {

    private final AnkiConnectPort anki;
    private final Clock clock;

    public PullReader(AnkiConnectPort anki, Clock clock) {
        this.anki = anki;
        this.clock = clock;
    }

    /**
     * Connects and reads the plan's notes, oldest first as Anki lists them.
     *
     * @throws io.ankirag.domain.error.DomainException the {@code SYNC_*} code when Anki is unreachable, too old or
     *                                                 refuses access
     */
    public List<NoteInfo> notes(PullPlan plan) {
        anki.connect();
        String query = plan.deck() == null ? "deck:*" : "\"deck:" + escape(plan.deck()) + "\"";
        if (plan.since() != null) {
            // Anki's "edited:n" counts whole days back from today; the exact cut is made below.
            long days = Math.max(1, Duration.between(plan.since(), clock.instant()).toDays() + 1);
            query += " edited:" + days;
        }
        List<NoteInfo> notes = new ArrayList<>();
        for (NoteInfo note : anki.notesInfo(anki.findNotes(query))) {
            if (plan.since() == null || !note.modified().isBefore(plan.since().truncatedTo(ChronoUnit.SECONDS))) {
                notes.add(note);
            }
        }
        return notes;
    }

    /**
     * What the given notes need to become cards: the ids of their decks and note types, the note types, and the
     * media files they reference that {@code wanted} accepts and Anki has.
     */
    public PulledNotes details(List<NoteInfo> notes, Predicate<String> wanted) {
        Map<String, Long> allDecks = anki.deckIds();
        Map<String, Long> allTypes = anki.noteTypeIds();
        Map<String, Long> deckIds = new HashMap<>();
        Map<String, NoteTypeSpec> types = new LinkedHashMap<>();
        Map<String, Long> typeIds = new HashMap<>();
        Set<String> mediaNames = new LinkedHashSet<>();
        for (NoteInfo note : notes) {
            if (note.deck() != null) {
                deckIds.put(note.deck(), allDecks.getOrDefault(note.deck(), 0L));
            }
            types.computeIfAbsent(note.noteType(), anki::noteType);
            typeIds.put(note.noteType(), allTypes.getOrDefault(note.noteType(), 0L));
            note.fields().values().forEach(value -> mediaNames.addAll(AnkiExportService.mediaReferences(value)));
        }
        List<MediaFile> media = new ArrayList<>();
        for (String name : mediaNames) {
            if (wanted.test(name)) {
                byte[] content = anki.retrieveMedia(name);
                if (content != null) {
                    media.add(new MediaFile(name, content));
                }
            }
        }
        return new PulledNotes(notes, deckIds, types, typeIds, media);
    }

    /** A deck path inside a quoted Anki search: quotes and backslashes escaped, wildcards taken literally. */
    static String escape(String deckPath) {
        return deckPath.replace("\\", "\\\\").replace("\"", "\\\"").replace("*", "\\*").replace("_", "\\_");
    }
}
