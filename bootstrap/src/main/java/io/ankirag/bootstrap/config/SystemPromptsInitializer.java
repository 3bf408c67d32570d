package io.ankirag.bootstrap.config;

import io.ankirag.application.port.in.prompt.SeedSystemPromptsUseCase;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Generation, fact-checking and chat need their prompts from the first request on (spec 10.3). */
@Component
class SystemPromptsInitializer implements ApplicationRunner {

    private final SeedSystemPromptsUseCase seed;

    SystemPromptsInitializer(SeedSystemPromptsUseCase seed) {
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        seed.seedSystemPrompts();
    }
}
