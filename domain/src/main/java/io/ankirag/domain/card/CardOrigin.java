package io.ankirag.domain.card;

/** Where a card came from; imported cards start out synced, since Anki already has them. */
public enum CardOrigin {
    MANUAL,
    GENERATED,
    IMPORTED
}
