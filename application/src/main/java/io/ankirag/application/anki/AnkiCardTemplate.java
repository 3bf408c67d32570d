package io.ankirag.application.anki;

/** A card template: Anki's question ({@code qfmt}) and answer ({@code afmt}) formats. */
public record AnkiCardTemplate(String name, String front, String back) {
}
