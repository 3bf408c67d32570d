package io.ankirag.application.port.in.card;

import java.util.List;

/** One page of a card listing; {@code nextCursor} fetches the next one, {@code null} at the end. */
public record CardSlice(List<CardView> items, String nextCursor) {

    public CardSlice {
        items = List.copyOf(items);
    }
}
