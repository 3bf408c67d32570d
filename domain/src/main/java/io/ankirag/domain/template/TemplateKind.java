package io.ankirag.domain.template;

/** Anki's two kinds of note type: one card per card type, or one card per cloze number. */
public enum TemplateKind {
    STANDARD,
    CLOZE
}
