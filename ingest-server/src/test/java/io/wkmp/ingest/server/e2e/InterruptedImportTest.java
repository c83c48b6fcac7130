package io.wkmp.ingest.server.e2e;

import static io.wkmp.ingest.server.e2e.LibraryAssertions.assertFile;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wkmp.ingest.adapters.wiring.WkmpIngest;
import io.wkmp.ingest.core.port.ImportSession;
import io.wkmp.ingest.core.session.SessionState;
import io.wkmp.ingest.core.session.SessionStatus;
import io.wkmp.ingest.testkit.audio.EncodedFormat;
import io.wkmp.ingest.testkit.library.SynthLibrary;
import io.wkmp.ingest.testkit.library.SynthLibrary.LibraryFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports that stop half-way: killed with SIGKILL and run again (the result must equal an uninterrupted
 * run), cancelled through the API and by SIGTERM to {@code wkmp-ai import} (CANCELLED, no ffmpeg left
 * running, what was committed intact). The import runs in a child JVM where a signal is involved.
 */
class InterruptedImportTest {
    private static final String MUSIC = "music";
    private static final EncodedFormat[] FORMATS = {EncodedFormat.FLAC, EncodedFormat.MP3, EncodedFormat.OGG};
    private static final Duration RUN_LIMIT = Duration.ofMinutes(4);

    @TempDir
    static Path dir;

    private static SynthLibrary library;
    private static FakeWorld fakes;

    @BeforeAll
    static void synthesize() {
        SynthLibrary.Builder b = SynthLibrary.builder(dir.resolve("library"));
        for (int i = 0; i < 27; i++) {
            b.song(FORMATS[i % FORMATS.length], 10_000 + 250L * i);
        }
        library = b.album(EncodedFormat.FLAC, "Waveforms", 2_000, 10_000, 11_000, 12_000)
                .build();
        fakes = new FakeWorld(library.catalog());
    }

    @AfterAll
    static void stop() {
        if (fakes != null) {
            fakes.close();
        }
    }

    @Test
    void aKilledImportRunAgainEndsWithTheDatabaseOfAnUninterruptedRun() throws Exception {
        Path reference = root("reference");
        assertThat(child(reference, "reference").await(RUN_LIMIT)).isZero();

        Path killed = root("killed");
        WkmpProcess first = child(killed, "killed-1");
        long atKill = waitForFiles(killed, n -> n >= 4);
        first.process.destroyForcibly().waitFor();
        long committed = new LibraryDb(killed).count("files");
        assertThat(committed)
                .as("files committed when killed (%d when the kill was sent)", atKill)
                .isBetween(4L, (long) library.files().size() - 1);

        WkmpProcess second = child(killed, "killed-2");
        assertThat(second.await(RUN_LIMIT)).as(second.stderr()).isZero();
        JsonNode summary = json(second);
        assertThat(summary.path("files_unchanged").asLong()).isEqualTo(committed);
        assertThat(summary.path("files_imported").asLong())
                .isEqualTo(library.files().size() - committed);

        LibraryDb before = new LibraryDb(reference);
        LibraryDb after = new LibraryDb(killed);
        for (String table : List.of("files", "passages", "songs", "passage_songs")) {
            assertThat(after.count(table)).as(table).isEqualTo(before.count(table));
        }
        assertThat(after.passages().stream().map(LibraryDb.PassageRow::timing).toList())
                .isEqualTo(before.passages().stream()
                        .map(LibraryDb.PassageRow::timing)
                        .toList());
        assertThat(after.duplicatePassages()).isZero();
        assertThat(after.fileStatuses()).isEqualTo(before.fileStatuses());
        assertComplete(after);
    }

    @Test
    void cancellingThroughTheApiStopsWithoutLeavingFfmpegAndKeepsWhatWasCommitted() throws Exception {
        Path root = root("api-cancel");
        SessionStatus done;
        try (WkmpIngest ingest = fakes.wiring(root).build()) {
            ImportSession session = ingest.start(root.resolve(MUSIC));
            while (session.status().filesDone() < 3 && !session.status().state().isTerminal()) {
                Thread.sleep(20);
            }
            session.cancel();
            done = session.await(Duration.ofSeconds(30));
            assertThat(done.state()).isEqualTo(SessionState.CANCELLED);
            assertThat(ProcessHandle.current()
                            .children()
                            .filter(ProcessHandle::isAlive)
                            .map(h -> h.info().commandLine().orElse("?"))
                            .toList())
                    .as("children of this JVM")
                    .isEmpty();
        }
        assertThat(WkmpProcess.toolsWorkingOn(root)).isEmpty();
        assertThat(done.filesDone()).isLessThan(library.files().size());
        long committed = assertComplete(new LibraryDb(root));
        assertThat(committed).isBetween(3L, (long) library.files().size() - 1);
    }

    @Test
    void sigtermCancelsTheCommandLineImport() throws Exception {
        Path root = root("sigterm");
        WkmpProcess child = child(root, "sigterm");
        waitForFiles(root, n -> n >= 3);
        child.process.destroy(); // SIGTERM: the shutdown hook cancels the session
        int exit = child.await(Duration.ofSeconds(60));
        assertThat(WkmpProcess.toolsWorkingOn(root))
                .as("ffmpeg/fpcalc still working on the library")
                .isEmpty();
        JsonNode summary = json(child);
        assertThat(summary.path("state").asText())
                .as(child.stdout() + child.stderr())
                .isEqualTo("CANCELLED");
        assertThat(exit)
                .as("SIGTERM ends with the documented exit code 3 (cancelled), after reporting")
                .isEqualTo(3);
        long committed = assertComplete(new LibraryDb(root));
        assertThat(committed).isBetween(3L, (long) library.files().size() - 1);
    }

    /** Every file row is a complete import of its synthesized file; returns how many there are. */
    private static long assertComplete(LibraryDb db) {
        Map<String, String> rows = db.fileStatuses();
        for (String path : rows.keySet()) {
            LibraryFile f = library.file(path.substring(MUSIC.length() + 1))
                    .orElseThrow(() -> new AssertionError("unknown " + path));
            assertFile(db, path, f);
        }
        assertThat(db.count("passages"))
                .isEqualTo(rows.keySet().stream()
                        .mapToLong(p -> library.file(p.substring(MUSIC.length() + 1))
                                .orElseThrow()
                                .tracks()
                                .size())
                        .sum());
        assertThat(db.duplicatePassages()).isZero();
        return rows.size();
    }

    private static Path root(String name) throws Exception {
        Path root = Files.createDirectories(dir.resolve(name));
        library.copyTo(root.resolve(MUSIC));
        FakeWorld.storeKey(root);
        return root;
    }

    private static WkmpProcess child(Path root, String logName) {
        return WkmpProcess.onClasspath(
                dir.resolve("logs").resolve(logName),
                fakes.importArgs(root, root.resolve(MUSIC), "--json", "--workers", "2"));
    }

    /** Polls the child's database until its files count satisfies {@code until}; returns the count. */
    private static long waitForFiles(Path root, LongPredicate until) throws InterruptedException {
        LibraryDb db = new LibraryDb(root);
        long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            long n = db.count("files");
            if (until.test(n)) {
                return n;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the import never got there");
    }

    private static JsonNode json(WkmpProcess child) throws Exception {
        String out = child.stdout().trim();
        return new ObjectMapper().readTree(out.substring(out.lastIndexOf('\n') + 1));
    }
}
