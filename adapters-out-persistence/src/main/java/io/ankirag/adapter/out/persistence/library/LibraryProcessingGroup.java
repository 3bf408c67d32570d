package io.ankirag.adapter.out.persistence.library;

/**
 * Decks, cards and their counts are one projection: the deck tree counts cards, and a projection never reads
 * another one's tables, so they are built, reset and replayed together.
 */
final class LibraryProcessingGroup {

    static final String NAME = "library";

    private LibraryProcessingGroup() {
    }
}
