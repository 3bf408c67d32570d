package io.ankirag.application.anki;

import java.util.List;

/**
 * A deck; {@code path} holds its name's levels from the top ({@code ["Music", "Easy"]} for Anki's
 * {@code Music::Easy}).
 */
public record AnkiDeck(long ankiId, List<String> path) {

    public AnkiDeck {
        path = List.copyOf(path);
    }

    /** The last level: the deck's own name. */
    public String name() {
        return path.getLast();
    }
}
