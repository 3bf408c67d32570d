package io.ankirag.bootstrap.config;

import io.ankirag.application.port.in.template.SeedSystemTemplatesUseCase;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Every installation has Anki's stock note types (spec 10.2); seeding is idempotent, so it runs on every start. */
@Component
class SystemTemplatesInitializer implements ApplicationRunner {

    private final SeedSystemTemplatesUseCase seed;

    SystemTemplatesInitializer(SeedSystemTemplatesUseCase seed) {
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        seed.seedSystemTemplates();
    }
}
