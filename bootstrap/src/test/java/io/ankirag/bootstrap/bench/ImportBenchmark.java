package io.ankirag.bootstrap.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.ankirag.application.anki.AnkiCard;
import io.ankirag.application.anki.AnkiCardTemplate;
import io.ankirag.application.anki.AnkiDeck;
import io.ankirag.application.anki.AnkiMedia;
import io.ankirag.application.anki.AnkiNote;
import io.ankirag.application.anki.AnkiNoteType;
import io.ankirag.application.anki.AnkiPackage;
import io.ankirag.application.anki.AnkiPackageFormat;
import io.ankirag.application.anki.ReadLimits;
import io.ankirag.application.port.in.auth.RegisterUserUseCase;
import io.ankirag.application.port.in.auth.RegisterUserUseCase.RegisterUser;
import io.ankirag.application.port.in.sync.ImportAnkiPackageUseCase;
import io.ankirag.application.port.in.sync.ImportAnkiPackageUseCase.ImportOptions;
import io.ankirag.application.port.in.sync.ImportAnkiPackageUseCase.ImportReport;
import io.ankirag.application.port.in.sync.ImportJobQuery;
import io.ankirag.application.port.in.sync.ImportJobView;
import io.ankirag.application.port.in.sync.StartImportUseCase;
import io.ankirag.application.port.out.anki.ReadAnkiPackagePort;
import io.ankirag.application.port.out.anki.WriteAnkiPackagePort;
import io.ankirag.bootstrap.it.FreshDatabase;
import io.ankirag.domain.user.UserId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Import of a generated package of {@code bench.import.notes} notes (20,000 by default, one 1-4 KB image per ten)
 * written by our own exporter: notes per second for parse+store (until the decks and cards read models show every
 * card; the search index, eventually consistent, is stopped), peak heap, and how fast the package reader is next
 * to reading the notes of the extracted SQLite file with plain JDBC (the ratio is plain JDBC's time over the
 * reader's: the reader also unzips the collection, has SQLite check its integrity, reads note types, decks and
 * cards, and inflates and checks every media file). Not a test: its name matches no test pattern;
 * {@code make bench-import} runs it on a database of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(FreshDatabase.class)
class ImportBenchmark {

    private static final int NOTES = Integer.getInteger("bench.import.notes", 20_000);
    private static final int NOTES_PER_MEDIA = 10;
    private static final int DECKS = 10;
    private static final int RUNS = Integer.getInteger("bench.import.runs", 3);
    /** Reads are short: the fastest of several is the one least disturbed by whatever else runs on the machine. */
    private static final int READS = 10;

    @Autowired RegisterUserUseCase register;
    @Autowired ImportAnkiPackageUseCase imports;
    @Autowired StartImportUseCase startImport;
    @Autowired ImportJobQuery jobQuery;
    @Autowired ReadAnkiPackagePort reader;
    @Autowired WriteAnkiPackagePort writer;
    @Autowired EventProcessingConfiguration processing;

    @Test
    void measure() throws Exception {
        // The search index embeds every card with an ONNX model; it is eventually consistent and has a benchmark
        // of its own. Stopped, so that it neither competes for the cores nor counts in the import.
        processing.eventProcessor("embeddings", StreamingEventProcessor.class).ifPresent(StreamingEventProcessor::shutDown);
        Path folder = Files.createTempDirectory("ankirag-import-bench-");
        Path apkg = folder.resolve("bench.apkg");
        long started = System.nanoTime();
        writer.write(generated(), apkg);
        double writeSeconds = seconds(started);
        Path collection = folder.resolve("collection.anki2");
        try (ZipFile zip = new ZipFile(apkg.toFile()); InputStream in = zip.getInputStream(zip.getEntry("collection.anki2"))) {
            Files.copy(in, collection, StandardCopyOption.REPLACE_EXISTING);
        }

        // 1. The floor: every note of the extracted SQLite file through plain JDBC, fields split.
        double[] plain = new double[READS];
        for (int i = 0; i < plain.length; i++) {
            long t = System.nanoTime();
            int read = plainJdbcNotes(collection);
            plain[i] = seconds(t);
            check(read == NOTES, "plain JDBC read " + read + " notes");
        }
        // 2. Parse: the package reader alone (unzip, media checks, SQLite, note types, decks, notes, cards).
        double[] parse = new double[READS];
        for (int i = 0; i < parse.length; i++) {
            long t = System.nanoTime();
            try (AnkiPackage pkg = reader.read(apkg, ReadLimits.defaults())) {
                parse[i] = seconds(t);
                check(pkg.notes().size() == NOTES, "the reader read " + pkg.notes().size() + " notes");
            }
        }
        // 3. Parse+store: the whole import, each run by a new user so that nothing is skipped as a duplicate.
        List<String> runs = new ArrayList<>();
        double best = Double.MAX_VALUE;
        for (int i = 0; i < RUNS; i++) {
            UserId owner = register.register(new RegisterUser("bench-" + UUID.randomUUID() + "@example.com",
                    "bench-password", "Bench")).user().id();
            System.gc();
            long heapBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            HeapSampler heap = HeapSampler.start();
            long cpu = processCpuNanos();
            long mainCpu = threadCpuNanos("main");
            long projectionCpu = threadCpuNanos("EventProcessor[library]");
            long t = System.nanoTime();
            ImportReport report = imports.importPackage(owner, apkg, new ImportOptions(null, true, false, List.of()));
            double s = seconds(t);
            double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
            double importCpu = (threadCpuNanos("main") - mainCpu) / 1e9;
            double libraryCpu = (threadCpuNanos("EventProcessor[library]") - projectionCpu) / 1e9;
            heap.stop();
            check(report.importedNotes() == NOTES && report.failed().isEmpty(), "import: " + report.importedNotes()
                    + " imported, " + report.failed().size() + " failed");
            best = Math.min(best, s);
            runs.add(String.format(Locale.ROOT, "  run %d: %6.2f s %7.0f notes/s | %s, %d MiB before |"
                            + " CPU s: JVM %5.2f, importing thread %5.2f, cards projection %5.2f",
                    i + 1, s, NOTES / s, heap.describe(), heapBefore >> 20, cpuSeconds, importCpu, libraryCpu));
        }

        // 4. The same import as a background job, its phases timed from outside by polling the job.
        UserId jobOwner = register.register(new RegisterUser("bench-" + UUID.randomUUID() + "@example.com",
                "bench-password", "Bench")).user().id();
        Path upload = Files.copy(apkg, folder.resolve("upload.apkg"));
        long submitted = System.nanoTime();
        List<String> jobLines = new ArrayList<>();
        if (startImport.start(jobOwner, upload, "bench.apkg", new ImportOptions(null, true, false, List.of()))
                instanceof StartImportUseCase.Queued queued) {
            Map<String, Double> phaseStarts = new LinkedHashMap<>();
            ImportJobView job;
            do {
                Thread.sleep(10);
                job = jobQuery.job(jobOwner, queued.job().id());
                phaseStarts.putIfAbsent(job.progress().phase().name().toLowerCase(Locale.ROOT), seconds(submitted));
            } while (job.status() == ImportJobView.Status.PENDING || job.status() == ImportJobView.Status.RUNNING);
            check(job.status() == ImportJobView.Status.COMPLETED, "the job ended " + job.status() + ": " + job.errorDetail());
            List<Map.Entry<String, Double>> phases = new ArrayList<>(phaseStarts.entrySet());
            double jobSeconds = phases.getLast().getValue() - phaseStarts.getOrDefault("reading", 0.0);
            jobLines.add(String.format(Locale.ROOT, "as a background job: %.2f s from its start (%.0f notes/s); phases as polling saw them:",
                    jobSeconds, NOTES / jobSeconds));
            for (int i = 0; i < phases.size() - 1; i++) {
                jobLines.add(String.format(Locale.ROOT, "  %-8s %6.2f s", phases.get(i).getKey(),
                        phases.get(i + 1).getValue() - phases.get(i).getValue()));
            }
        } else {
            jobLines.add("as a background job: not queued, the package is below SYNC_IMPORT_INLINE_MAX_BYTES");
        }

        double plainSeconds = Arrays.stream(plain).min().orElseThrow();
        double parseSeconds = Arrays.stream(parse).min().orElseThrow();
        System.out.println();
        System.out.println("=== AnkiRAG import benchmark (" + NOTES + " notes, " + NOTES / NOTES_PER_MEDIA + " media files, "
                + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MiB) ===");
        System.out.printf(Locale.ROOT, "package: %.1f MiB, written in %.1f s%n", Files.size(apkg) / 1048576.0, writeSeconds);
        System.out.printf(Locale.ROOT, "plain JDBC, notes of the extracted SQLite file: %8.0f notes/s (best of %d: %.3f s)%n",
                NOTES / plainSeconds, READS, plainSeconds);
        System.out.printf(Locale.ROOT, "parse (package reader):                         %8.0f notes/s (best of %d: %.3f s)  ratio to plain JDBC %.2f%n",
                NOTES / parseSeconds, READS, parseSeconds, plainSeconds / parseSeconds);
        System.out.println("parse+store (import use case, embeddings stopped):");
        runs.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "best parse+store: %.0f notes/s, ratio to plain JDBC %.3f%n", NOTES / best,
                plainSeconds / best);
        jobLines.forEach(System.out::println);
        System.out.println();
        deleteQuietly(folder);
    }

    /** A package like a big shared deck: nested decks, a system-like and an own note type, one image per ten notes. */
    private static AnkiPackage generated() {
        Random random = new Random(42);
        List<AnkiDeck> decks = new ArrayList<>(List.of(new AnkiDeck(1, List.of("Default"))));
        for (int d = 0; d < DECKS; d++) {
            decks.add(new AnkiDeck(100 + d, List.of("Bench", "Part " + d)));
        }
        AnkiNoteType basic = new AnkiNoteType(1_000, "Basic", AnkiNoteType.Kind.STANDARD, List.of("Front", "Back"),
                List.of(new AnkiCardTemplate("Card 1", "{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}")), "");
        AnkiNoteType vocabulary = new AnkiNoteType(1_001, "Vocabulary", AnkiNoteType.Kind.STANDARD,
                List.of("Word", "Meaning", "Example"),
                List.of(new AnkiCardTemplate("Recognise", "{{Word}}", "{{Meaning}}<br>{{Example}}"),
                        new AnkiCardTemplate("Recall", "{{Meaning}}", "{{Word}}")), ".card { font-size: 30px }");
        List<AnkiNote> notes = new ArrayList<>(NOTES);
        List<AnkiCard> cards = new ArrayList<>(NOTES * 2);
        List<AnkiMedia> media = new ArrayList<>();
        Instant modified = Instant.parse("2025-06-01T00:00:00Z");
        for (int n = 0; n < NOTES; n++) {
            long noteId = 1_700_000_000_000L + n;
            long deck = 100 + n % DECKS;
            String image = "";
            if (n % NOTES_PER_MEDIA == 0) {
                String name = "bench-" + n + ".png";
                byte[] bytes = new byte[1024 + random.nextInt(3072)];
                random.nextBytes(bytes);
                media.add(new AnkiMedia(name, bytes.length, () -> new ByteArrayInputStream(bytes)));
                image = "<br><img src=\"" + name + "\">";
            }
            if (n % 4 == 3) {
                notes.add(new AnkiNote(noteId, "v" + Long.toString(noteId, 36), vocabulary.ankiId(),
                        List.of("word " + n, "meaning of word " + n + image, "an <i>example</i> sentence using word " + n),
                        List.of("vocabulary", "level" + n % 5), modified));
                cards.add(new AnkiCard(noteId * 10, noteId, deck, 0));
                cards.add(new AnkiCard(noteId * 10 + 1, noteId, deck, 1));
            } else {
                notes.add(new AnkiNote(noteId, "b" + Long.toString(noteId, 36), basic.ankiId(),
                        List.of("Question " + n + ": what is concept " + (n * 7919 % 100_003) + "?",
                                "Answer " + n + " with <b>some</b> explanation about topic " + n % 977 + image),
                        List.of("topic" + n % 50), modified));
                cards.add(new AnkiCard(noteId * 10, noteId, deck, 0));
            }
        }
        return new AnkiPackage(AnkiPackageFormat.LEGACY_ANKI2, decks, List.of(basic, vocabulary), notes, cards, media);
    }

    private static int plainJdbcNotes(Path collection) throws SQLException {
        int count = 0;
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + collection.toAbsolutePath());
             Statement query = sqlite.createStatement();
             ResultSet rows = query.executeQuery("SELECT id, guid, mid, mod, flds, tags FROM notes")) {
            List<Object[]> notes = new ArrayList<>();
            while (rows.next()) {
                notes.add(new Object[]{rows.getLong(1), rows.getString(2), rows.getLong(3), rows.getLong(4),
                        List.of(rows.getString(5).split("\u001f", -1)), List.of(rows.getString(6).strip().split(" "))});
                count++;
            }
        }
        return count;
    }

    /**
     * Heap in use, sampled every few milliseconds (garbage included: with a large maximum heap the collector runs
     * seldom), and what every collection in between left in use: the live data the import needed at most.
     */
    private static final class HeapSampler {

        /** A collection reports every memory pool, code cache and metaspace included. */
        private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong peakAfterGc = new AtomicLong();
        private final AtomicLong collections = new AtomicLong();
        private final Thread thread;
        private final List<Runnable> unsubscribe = new ArrayList<>();

        private HeapSampler() {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                NotificationEmitter emitter = (NotificationEmitter) collector;
                NotificationListener listener = (notification, handback) -> {
                    if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                                .filter(pool -> HEAP_POOLS.contains(pool.getKey()))
                                .mapToLong(pool -> pool.getValue().getUsed())
                                .sum();
                        peakAfterGc.accumulateAndGet(after, Math::max);
                        collections.incrementAndGet();
                    }
                };
                emitter.addNotificationListener(listener, null, null);
                unsubscribe.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (ListenerNotFoundException ignored) {
                        // already gone
                    }
                });
            }
            thread = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
                while (running.get()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        static HeapSampler start() {
            return new HeapSampler();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
            peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            unsubscribe.forEach(Runnable::run);
        }

        String describe() {
            return String.format(Locale.ROOT, "heap peak %4d MiB, after GC at most %4d MiB (%d GCs)", peak.get() >> 20,
                    peakAfterGc.get() >> 20, collections.get());
        }
    }

    /** CPU time of the whole JVM (every thread, the projections' included), not of PostgreSQL. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time of the live threads whose names start so; 0 when there are none. */
    private static long threadCpuNanos(String namePrefix) {
        var threads = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(namePrefix))
                .mapToLong(thread -> Math.max(0, threads.getThreadCpuTime(thread.threadId())))
                .sum();
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void deleteQuietly(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
