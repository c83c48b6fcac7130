package io.wkmp.ingest.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.wkmp.ingest.testkit.audio.EncodedFormat;
import io.wkmp.ingest.testkit.library.SynthLibrary;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the terminal shows, from the shipped jar in its own process: help, where the database goes, the status lines,
 * ffmpeg's messages, the first line before any slow work, and the exit code of a crash.
 */
class CommandLineIT {
    private static final String ROOT_DEFAULT = "the imported folder itself when it lies outside ~/Music";

    @TempDir
    static Path dir;

    private static SynthLibrary library;

    @BeforeAll
    static void synthesize() {
        library = SynthLibrary.builder(dir.resolve("library"))
                .song(EncodedFormat.FLAC, 8_000)
                .song(EncodedFormat.OGG, 9_000)
                .build();
    }

    @Test
    void helpNamesEveryCommandAndHowToSeeItsOptionsAndAgreesWithTheReadme() throws Exception {
        WkmpProcess help = jar("help", Map.of(), "--help");
        assertThat(help.await(Duration.ofMinutes(1))).isZero();
        assertThat(help.stdout())
                .contains("import", "serve")
                .contains("wkmp-ai import --help")
                .contains("4 internal error");

        WkmpProcess importHelp = jar("import-help", Map.of(), "help", "import");
        assertThat(importHelp.await(Duration.ofMinutes(1))).isZero();
        String text = importHelp.stdout().replaceAll("\\s+", " ");
        assertThat(text).contains("--offline", "--redo-all-pending", "--root", ROOT_DEFAULT);

        String readme = Files.readString(Path.of(System.getProperty("wkmp.sources"), "README.md"));
        assertThat(readme)
                .as("README and --help say the same about where wkmp.db goes")
                .contains(ROOT_DEFAULT)
                .contains("--redo-all-pending");
    }

    /**
     * No --root, HOME without a Music folder: the folder becomes the root, as --help and the README say, and the
     * terminal names the database from the first line on. Also: the status lines (not a terminal) never claim that 0
     * files were found, and ffmpeg's complaint about a damaged file is one line without memory addresses.
     */
    @Test
    void aFolderOutsideMusicGetsItsOwnDatabaseAndTheTerminalSaysSo() throws Exception {
        Path folder = library.copyTo(dir.resolve("elsewhere/music"));
        byte[] flac = Files.readAllBytes(folder.resolve(library.files().get(0).relativePath()));
        Files.write(folder.resolve("damaged.flac"), Arrays.copyOf(flac, flac.length / 3));
        Path home = Files.createDirectories(dir.resolve("home-without-music"));

        WkmpProcess run = jar("outside", Map.of("HOME", home.toString()), "import", folder.toString(), "--offline");
        assertThat(run.await(ImportCommandIT.RUN_LIMIT)).as(run.output()).isEqualTo(1); // the damaged file is skipped

        Path db = folder.resolve("wkmp.db");
        assertThat(db).isRegularFile();
        assertThat(run.stderr().lines().findFirst().orElse(""))
                .isEqualTo("wkmp-ai: importing " + folder + " into " + db + " (offline: no outside service is asked)");
        assertThat(run.stdout()).contains("Database: " + db);
        Summary s = new Summary(run.stdout());
        assertThat(s.row("files found")).isEqualTo(3);
        assertThat(s.row("skipped")).isEqualTo(1);
        assertThat(run.stderr()).doesNotContain(" 0 audio files found").contains("Processing");

        String skipped = run.stdout()
                .lines()
                .filter(l -> l.contains("damaged.flac"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(run.output()));
        assertThat(skipped).contains("DECODE_ERROR").doesNotContainPattern("0x[0-9a-f]{6,}");
        List<String> after = run.stdout()
                .lines()
                .dropWhile(l -> !l.contains("damaged.flac"))
                .skip(1)
                .toList();
        assertThat(after)
                .as("ffmpeg's messages on the one line of the skipped file")
                .allMatch(l -> l.isBlank() || l.startsWith("  ") || l.startsWith("Failed"));

        try (Stream<Path> cached = Files.walk(home.resolve(".cache/wkmp-ai"))) {
            assertThat(cached.map(p -> p.getFileName().toString()))
                    .as("sqlite's native library is kept for the next start, not unpacked anew")
                    .contains("libsqlitejdbc.so");
        }
    }

    /**
     * The first line comes before anything slow: here the database is locked by another writer (the import waits for
     * it), and the line naming the database is on screen all the same; once the lock is gone the import completes.
     */
    @Test
    void theFirstLineComesBeforeTheDatabaseIsOpened() throws Exception {
        Path root = Files.createDirectories(dir.resolve("locked"));
        library.copyTo(root.resolve("music"));
        Path db = root.resolve("wkmp.db");
        Jdbi jdbi = Jdbi.create("jdbc:sqlite:" + db);
        WkmpProcess run;
        try (Handle lock = jdbi.open()) {
            lock.execute("CREATE TABLE held (x INTEGER)");
            lock.execute("BEGIN EXCLUSIVE");
            run = jar(
                    "locked",
                    Map.of("HOME", root.toString()),
                    "import",
                    root.resolve("music").toString(),
                    "--root",
                    root.toString(),
                    "--offline",
                    "--no-progress");
            Matcher first =
                    run.awaitLine(Pattern.compile("^wkmp-ai: importing .* into (\\S+)"), Duration.ofSeconds(40));
            assertThat(first.group(1)).isEqualTo(db.toString());
            assertThat(run.process.isAlive())
                    .as("still waiting for the database")
                    .isTrue();
            assertThat(run.stdout()).as("no summary yet").isEmpty();
            lock.execute("ROLLBACK");
        }
        assertThat(run.await(ImportCommandIT.RUN_LIMIT)).as(run.output()).isZero();
        assertThat(new Summary(run.stdout()).row("imported")).isEqualTo(2);
    }

    /**
     * Issue 10's crash, reproduced with a jar that lacks OkHttp: an unexpected failure ends with exit code 4 and
     * says what it is, never with 1 ("some files skipped").
     */
    @Test
    void anUnexpectedCrashEndsWithExitCode4NotOne() throws Exception {
        Path broken = dir.resolve("wkmp-ai-without-okhttp.jar");
        try (ZipFile in = new ZipFile(WkmpProcess.jar().toFile());
                OutputStream file = Files.newOutputStream(broken);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (!entry.getName().startsWith("okhttp3/")) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    try (InputStream data = in.getInputStream(entry)) {
                        data.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
        Path root = Files.createDirectories(dir.resolve("crash"));
        library.copyTo(root.resolve("music"));
        WkmpProcess run = WkmpProcess.command(
                dir.resolve("logs/crash"),
                null,
                Map.of("HOME", root.toString(), "WKMP_ACOUSTID_API_KEY", "k"),
                List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Duser.home=" + root,
                        "-jar",
                        broken.toString(),
                        "import",
                        root.resolve("music").toString(),
                        "--root",
                        root.toString(),
                        "--acoustid-url",
                        "http://127.0.0.1:9/v2",
                        "--no-progress"));
        assertThat(run.await(Duration.ofMinutes(2))).as(run.output()).isEqualTo(4);
        assertThat(run.stderr())
                .contains("NoClassDefFoundError")
                .contains("wkmp-ai: internal error")
                .contains("exit code 4");
    }

    private static WkmpProcess jar(String name, Map<String, String> env, String... args) {
        return WkmpProcess.jar(dir.resolve("logs").resolve(name), env, List.of(args));
    }
}
