package io.ankirag.bootstrap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Scans every module's adapters under {@code io.ankirag}; the domain and application carry no annotations to find. */
@SpringBootApplication(scanBasePackages = "io.ankirag")
public class AnkiRagApplication {

    public static void main(String[] args) {
        // A self-hosted product does not phone home: Axon's anonymous usage reporting stays off unless asked for.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        SpringApplication.run(AnkiRagApplication.class, args);
    }
}
