package io.ankirag.domain.user;

/** Spec appendix C: a {@code user} works with their own decks and cards; an {@code admin} also manages users. */
public enum Role {
    USER,
    ADMIN
}
