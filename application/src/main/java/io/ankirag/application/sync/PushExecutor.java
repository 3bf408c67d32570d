package io.ankirag.application.sync;

import io.ankirag.application.port.in.sync.PushPlan;
import io.ankirag.application.port.in.sync.PushPlan.NoteResult;
import io.ankirag.application.port.in.sync.PushPlan.PlannedNote;
import io.ankirag.application.port.out.anki.AnkiConnectPort;
import io.ankirag.application.port.out.anki.AnkiConnectPort.Done;
import io.ankirag.application.port.out.anki.AnkiConnectPort.MediaFile;
import io.ankirag.application.port.out.anki.AnkiConnectPort.NewNote;
import io.ankirag.application.port.out.anki.AnkiConnectPort.NoteOutcome;
import io.ankirag.application.port.out.anki.AnkiConnectPort.NoteTypeSpec;
import io.ankirag.application.port.out.anki.AnkiConnectPort.NoteUpdate;
import io.ankirag.application.port.out.anki.AnkiConnectPort.Refused;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Carries out a {@link PushPlan} against one Anki: connects, creates the missing decks and note types (a note type
 * Anki already has is used as it is, and notes whose fields it lacks fail), stores the media, then adds and updates
 * the notes batch by batch, handing each batch's results over before the next starts. No Spring, no database: the
 * server's sync worker and the desktop agent run the same code.
 */
public final class PushExecutor {

    /** The content of a media file the plan names, or {@code null} when there is none. */
    @FunctionalInterface
    public interface MediaSource {
        byte[] read(String name);
    }

    private static final int MEDIA_FILES_PER_UPLOAD = 100;

    private final AnkiConnectPort anki;
    private final MediaSource media;
    private final int batchSize;

    public PushExecutor(AnkiConnectPort anki, MediaSource media, int batchSize) {
        this.anki = anki;
        this.media = media;
        this.batchSize = Math.max(1, batchSize);
    }

    /**
     * @param sink gets the results of each batch, in plan order
     * @throws io.ankirag.domain.error.DomainException the {@code SYNC_*} code of a failure that stops the whole push
     *                                                 (Anki unreachable, too old, refusing access)
     */
    public void execute(PushPlan plan, Consumer<List<NoteResult>> sink) {
        anki.connect();
        Set<String> missingDecks = new LinkedHashSet<>(plan.decks());
        missingDecks.removeAll(anki.deckNames());
        anki.createDecks(List.copyOf(missingDecks));

        Set<String> existingTypes = anki.noteTypeNames();
        Map<String, String> typeProblems = new HashMap<>();
        for (NoteTypeSpec type : plan.noteTypes()) {
            if (!existingTypes.contains(type.name())) {
                anki.createNoteType(type);
                continue;
            }
            List<String> fields = anki.fieldNamesOf(type.name());
            if (!fields.equals(type.fields())) {
                typeProblems.put(type.name(), "Anki's note type '" + type.name() + "' has the fields " + fields
                        + ", the card's template " + type.fields() + "; AnkiRAG never changes a note type in Anki:"
                        + " rename the template or the note type");
            }
        }

        List<MediaFile> files = new ArrayList<>();
        for (String name : plan.media()) {
            byte[] content = media.read(name);
            if (content != null) {
                files.add(new MediaFile(name, content));
            }
            if (files.size() == MEDIA_FILES_PER_UPLOAD) {
                anki.storeMedia(files);
                files = new ArrayList<>();
            }
        }
        anki.storeMedia(files);

        List<NoteResult> refused = new ArrayList<>();
        List<PlannedNote> sendable = new ArrayList<>();
        for (PlannedNote note : plan.notes()) {
            String problem = typeProblems.get(note.noteType());
            if (problem != null) {
                refused.add(new NoteResult(note.cardId(), null, problem));
            } else {
                sendable.add(note);
            }
        }
        if (!refused.isEmpty()) {
            sink.accept(refused);
        }
        for (int from = 0; from < sendable.size(); from += batchSize) {
            sink.accept(batch(sendable.subList(from, Math.min(sendable.size(), from + batchSize))));
        }
    }

    private List<NoteResult> batch(List<PlannedNote> batch) {
        List<PlannedNote> adds = batch.stream().filter(note -> note.ankiNoteId() == null).toList();
        List<PlannedNote> updates = batch.stream().filter(note -> note.ankiNoteId() != null).toList();
        List<NoteOutcome> added = anki.addNotes(adds.stream()
                .map(note -> new NewNote(note.deck(), note.noteType(), note.fields(), note.tags())).toList());
        List<NoteOutcome> updated = anki.updateNotes(updates.stream()
                .map(note -> new NoteUpdate(note.ankiNoteId(), note.fields(), note.tags())).toList());
        List<NoteResult> results = new ArrayList<>();
        collect(adds, added, results);
        collect(updates, updated, results);
        return results;
    }

    private static void collect(List<PlannedNote> notes, List<NoteOutcome> outcomes, List<NoteResult> results) {
        for (int i = 0; i < notes.size(); i++) {
            PlannedNote note = notes.get(i);
            results.add(switch (outcomes.get(i)) {
                case Done done -> new NoteResult(note.cardId(), done.noteId(), null);
                case Refused refused -> new NoteResult(note.cardId(), null, refused.reason());
            });
        }
    }
}
