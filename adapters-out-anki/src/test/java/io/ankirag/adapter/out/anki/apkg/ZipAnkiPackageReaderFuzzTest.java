package io.ankirag.adapter.out.anki.apkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ankirag.application.anki.AnkiMedia;
import io.ankirag.application.anki.AnkiPackage;
import io.ankirag.application.anki.ReadLimits;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real packages with a few bytes changed, from a fixed seed: the reader either reads them or refuses them with
 * {@code SYNC_002}; it never throws anything else and never hangs. Mutating the zip itself mostly trips the
 * inflater and CRC, so the entries are also mutated inside (and zipped again with good CRCs) to reach SQLite, JSON
 * and protobuf parsing.
 */
class ZipAnkiPackageReaderFuzzTest {

    /** 40 keeps the build quick; {@code -Dapkg.fuzz.iterations=2000} digs deeper. */
    private static final int ITERATIONS = Integer.getInteger("apkg.fuzz.iterations", 40);

    @TempDir
    Path work;

    @TempDir
    Path temporaryFolder;

    @ParameterizedTest
    @ValueSource(strings = {
            "srs-converter--mixed-legacy-2.apkg",
            "srs-converter--empty-latest.apkg",
            "srs-converter--empty-legacy-2.colpkg",
            "anki-pwa--example_music_intervals.apkg",
            "anki-pwa--ap_gov_vocab_anki11.apkg",
    })
    void readsOrRefusesMutatedPackages(String fixture) throws IOException {
        byte[] original = Files.readAllBytes(Fixtures.apkg(fixture));
        Map<String, byte[]> entries = TestZips.entries(Fixtures.apkg(fixture));
        Random random = new Random(fixture.hashCode());
        List<String> outcomes = new ArrayList<>();

        assertTimeoutPreemptively(Duration.ofSeconds(90L * Math.max(1, ITERATIONS / 40)), () -> {
            for (int i = 0; i < ITERATIONS; i++) {
                Path mutated = work.resolve("raw-" + i + ".apkg");
                Files.write(mutated, mutate(original, random));
                outcomes.add(readOrRefuse(mutated));

                Path inner = TestZips.write(work.resolve("inner-" + i + ".apkg"), mutateAnEntry(entries, random));
                outcomes.add(readOrRefuse(inner));
            }
        });

        assertThat(outcomes).hasSize(2 * ITERATIONS).contains("refused");
        System.out.printf("%s: %d read, %d refused%n", fixture, outcomes.stream().filter("read"::equals).count(),
                outcomes.stream().filter("refused"::equals).count());
        assertThat(temporaryFolder).isEmptyDirectory();
    }

    private String readOrRefuse(Path file) {
        try {
            AnkiPackage read = new ZipAnkiPackageReader(temporaryFolder).read(file, ReadLimits.defaults());
            for (AnkiMedia media : read.media()) {
                try (InputStream bytes = media.open()) {
                    bytes.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
            return "read";
        } catch (DomainException refused) {
            assertThat(refused.code()).as(refused.getMessage()).isEqualTo(ErrorCode.SYNC_002);
            assertThat(refused.getMessage()).isNotBlank();
            return "refused";
        } catch (Throwable unexpected) {
            return fail("reading " + file.getFileName() + " threw " + unexpected, unexpected);
        }
    }

    private static byte[] mutate(byte[] bytes, Random random) {
        byte[] copy = bytes.clone();
        int changes = 1 + random.nextInt(8);
        for (int i = 0; i < changes; i++) {
            int at = random.nextInt(copy.length);
            copy[at] = switch (random.nextInt(3)) {
                case 0 -> (byte) random.nextInt(256);
                case 1 -> (byte) (copy[at] ^ (1 << random.nextInt(8)));
                default -> 0;
            };
        }
        return copy;
    }

    private static Map<String, byte[]> mutateAnEntry(Map<String, byte[]> entries, Random random) throws IOException {
        Map<String, byte[]> copy = new LinkedHashMap<>(entries);
        List<String> names = new ArrayList<>(copy.keySet());
        String name = names.get(random.nextInt(names.size()));
        byte[] bytes = copy.get(name);
        if (bytes.length == 0) {
            return copy;
        }
        if (TestZips.isZstd(bytes)) {
            byte[] plain = TestZips.unzstd(bytes);
            copy.put(name, TestZips.zstd(plain.length == 0 ? plain : mutate(plain, random)));
        } else {
            copy.put(name, mutate(bytes, random));
        }
        return copy;
    }
}
