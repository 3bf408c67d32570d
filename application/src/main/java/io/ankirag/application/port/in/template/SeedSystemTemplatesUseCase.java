package io.ankirag.application.port.in.template;

public interface SeedSystemTemplatesUseCase {

    /** Makes sure every system template exists; safe to run on every start. */
    void seedSystemTemplates();
}
