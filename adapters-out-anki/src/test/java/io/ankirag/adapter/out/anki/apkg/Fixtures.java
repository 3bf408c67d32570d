package io.ankirag.adapter.out.anki.apkg;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real packages in {@code shared/fixtures/apkg}, which sits beside the repository's clone. */
final class Fixtures {

    private Fixtures() {
    }

    static Path apkg(String name) {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path folder = module.resolve("../../shared/fixtures/apkg").normalize();
        assumeTrue(Files.isDirectory(folder), "real Anki packages not found at " + folder
                + " (shared/ is expected beside the repository's clone); skipping");
        return folder.resolve(name);
    }
}
