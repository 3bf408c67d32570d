package io.ankirag.application.port.in.sync;

/**
 * How far an import has got: its phase, and within it the notes or media files done out of the package's.
 *
 * @param notesDone  notes mapped onto cards so far (each imported, updated, skipped or failed)
 * @param notesTotal notes in the package; 0 until it has been read
 */
public record ImportProgress(Phase phase, int notesDone, int notesTotal, int mediaDone, int mediaTotal) {

    /** In order; the percentage each phase starts at reflects where an import's time goes. */
    public enum Phase {
        /** Waiting for a worker. */
        QUEUED(0),
        /** Unzipping, checking and reading the package. */
        READING(0),
        /** Mapping notes onto cards: decks, templates, duplicates. */
        CARDS(20),
        /** Storing the media files. */
        MEDIA(35),
        /** Storing decks, templates and cards as one unit, then updating the read models. */
        SAVING(45),
        DONE(100);

        private final int startsAt;

        Phase(int startsAt) {
            this.startsAt = startsAt;
        }
    }

    public ImportProgress {
        if (notesDone < 0 || notesTotal < 0 || mediaDone < 0 || mediaTotal < 0) {
            throw new IllegalArgumentException("progress counts are never negative");
        }
    }

    public static ImportProgress of(Phase phase) {
        return new ImportProgress(phase, 0, 0, 0, 0);
    }

    /** 0 to 100: where the phase starts, plus its share of the way to the next one as far as it has got. */
    public int percent() {
        if (phase == Phase.DONE) {
            return 100;
        }
        int next = Phase.values()[phase.ordinal() + 1].startsAt;
        double within = switch (phase) {
            case CARDS -> fraction(notesDone, notesTotal);
            case MEDIA -> fraction(mediaDone, mediaTotal);
            default -> 0;
        };
        return (int) Math.min(99, phase.startsAt + Math.floor((next - phase.startsAt) * within));
    }

    private static double fraction(int done, int total) {
        return total == 0 ? 1 : Math.min(1, (double) done / total);
    }
}
