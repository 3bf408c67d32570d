package io.ankirag.domain.template.render;

import java.util.Objects;

/** The HTML of both sides of one card, as Anki's reviewer would show them (without the note type's CSS). */
public record RenderedCard(String question, String answer) {

    public RenderedCard {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
    }
}
