package io.wkmp.ingest.server.e2e;

import static io.wkmp.ingest.server.e2e.LibraryAssertions.assertFile;
import static org.assertj.core.api.Assertions.assertThat;

import io.wkmp.ingest.testkit.audio.EncodedFormat;
import io.wkmp.ingest.testkit.library.SynthLibrary;
import io.wkmp.ingest.testkit.library.SynthLibrary.LibraryFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar wkmp-ai.jar import} as a user runs it, in its own process, against the testkit's fake AcoustID,
 * MusicBrainz, AcousticBrainz and Cover Art servers on loopback (URLs with the {@code --*-url} options, the key in
 * {@code WKMP_ACOUSTID_API_KEY}, HOME an empty folder): exit code, the printed summary, the rows of
 * {@code <root>/wkmp.db} and what the fakes were asked.
 */
class ImportCommandIT {
    static final Duration RUN_LIMIT = Duration.ofMinutes(5);
    private static final String SINGLES = "music/The Synthesists/Singles";
    private static final String ALBUM = "music/The Synthesists/Waveforms";
    /** passages of the library: 3 single-song files and an album file of 3 songs */
    private static final int PASSAGES = 6;

    @TempDir
    static Path dir;

    private static SynthLibrary library;

    @AutoClose
    private static FakeWorld fakes;

    @BeforeAll
    static void synthesize() {
        library = SynthLibrary.builder(dir.resolve("library"))
                .song(EncodedFormat.FLAC, 10_000)
                .song(EncodedFormat.MP3, 11_000)
                .song(EncodedFormat.OGG, 12_000)
                .album(EncodedFormat.FLAC, "Waveforms", 2_000, 10_000, 11_000, 12_000)
                .build();
        fakes = new FakeWorld(library.catalog());
    }

    @Test
    void anOnlineImportIdentifiesTheLibraryAndWritesTheCatalogue() throws Exception {
        Path root = root("online");
        fakes.resetCounters();
        WkmpProcess run = importing("online", root, env(root, true), root.resolve("music"));
        int exit = run.await(RUN_LIMIT);

        assertThat(exit).as(run.output()).isZero();
        Summary s = new Summary(run.stdout());
        assertThat(run.stdout())
                .contains("Import COMPLETED in music")
                .contains(root.resolve("wkmp.db").toString());
        assertThat(s.row("files found")).isEqualTo(4);
        assertThat(s.row("imported")).isEqualTo(4);
        assertThat(s.row("skipped")).isZero();
        assertThat(s.row("passages written")).isEqualTo(PASSAGES);
        assertThat(s.row("identified (ACCEPT)")).isEqualTo(PASSAGES);
        assertThat(s.row("identification pending in this folder")).isZero();
        assertThat(run.stderr()).doesNotContain("Exception").doesNotContain("SLF4J");

        LibraryDb db = new LibraryDb(root);
        for (LibraryFile f : library.files()) {
            assertFile(db, "music/" + f.relativePath(), f); // timing within 10 ms, ACCEPT, the recording MBID, flavour
        }
        assertThat(db.count("passages")).isEqualTo(PASSAGES);
        assertThat(db.count("songs")).isEqualTo(PASSAGES);
        assertThat(db.count("passage_songs")).isEqualTo(PASSAGES);
        assertThat(db.count("works")).isEqualTo(PASSAGES);
        assertThat(db.count("song_works")).isEqualTo(PASSAGES);
        assertThat(db.count("artists")).isEqualTo(1);
        assertThat(db.count("song_artists")).isEqualTo(PASSAGES);
        assertThat(db.rows("SELECT album_mbid FROM albums ORDER BY album_mbid"))
                .containsExactly(SynthLibrary.SINGLES, "b7000000-0000-4000-8000-000000000100");
        assertThat(db.count("passage_albums")).isEqualTo(PASSAGES);
        assertThat(db.scalar("SELECT count(*) FROM images WHERE image_type = 'album_front'"))
                .as("Cover Art Archive fronts, one per album")
                .isEqualTo(2);

        assertThat(fakes.acoustId.requests("lookup")).as("AcoustID lookups").isBetween(1, 4);
        assertThat(fakes.musicBrainz.totalRequests()).as("MusicBrainz requests").isPositive();
        assertThat(fakes.acousticBrainz.totalRequests())
                .as("AcousticBrainz requests")
                .isPositive();
        assertThat(fakes.coverArt.requests("release"))
                .as("Cover Art Archive listings: each album, not each passage (two workers may ask at once)")
                .isBetween(2, 4);
        assertThat(fakes.acoustId.lastUserAgent()).startsWith("wkmp-ai/");
        assertThat(fakes.acoustId.rateLimitViolations() + fakes.musicBrainz.rateLimitViolations())
                .isZero();
    }

    @Test
    void offlineThenOnlineFinishesThePendingIdentificationsOfTheFolderWithoutDecodingAgain() throws Exception {
        Path root = root("offline-online");
        for (String folder : List.of(SINGLES, ALBUM)) {
            WkmpProcess offline =
                    importing("offline-" + folder.length(), root, env(root, true), root.resolve(folder), "--offline");
            assertThat(offline.await(RUN_LIMIT)).as(offline.output()).isZero();
            Summary s = new Summary(offline.stdout());
            assertThat(s.row("identification pending in this folder")).isEqualTo(3);
            assertThat(offline.stdout())
                    .as("the summary says why identification is pending and how to finish it")
                    .contains("the import ran offline")
                    .contains("without --offline");
        }
        LibraryDb db = new LibraryDb(root);
        assertThat(db.rows("SELECT DISTINCT identification_decision FROM passages"))
                .containsExactly("PENDING");
        List<String> singlesPassages = passageGuids(db, SINGLES);

        fakes.resetCounters();
        WkmpProcess online = importing("online-singles", root, env(root, true), root.resolve(SINGLES));
        assertThat(online.await(RUN_LIMIT)).as(online.output()).isZero();
        Summary s = new Summary(online.stdout());
        assertThat(s.row("unchanged (already imported)")).isEqualTo(3);
        assertThat(s.row("imported")).as("nothing is decoded again").isZero();
        assertThat(s.row("identified (ACCEPT)")).isEqualTo(3);
        assertThat(s.row("identification pending in this folder")).isZero();
        assertThat(passageGuids(db, SINGLES)).as("the passages stay as written").isEqualTo(singlesPassages);
        assertThat(decisions(db, SINGLES)).containsOnly("ACCEPT");
        assertThat(decisions(db, ALBUM))
                .as("the redo at the end touches the imported folder only")
                .containsOnly("PENDING");
        assertThat(fakes.acoustId.requests("lookup")).isPositive();
        assertThat(fakes.acoustId.rateLimitViolations()).isZero();

        WkmpProcess all = importing("online-all", root, env(root, true), root.resolve(SINGLES), "--redo-all-pending");
        assertThat(all.await(RUN_LIMIT)).as(all.output()).isZero();
        assertThat(new Summary(all.stdout()).row("identified (ACCEPT)")).isEqualTo(3);
        assertThat(decisions(db, ALBUM))
                .as("--redo-all-pending finishes the other folder")
                .containsOnly("ACCEPT");
        for (LibraryFile f : library.files()) {
            assertFile(db, "music/" + f.relativePath(), f);
        }
    }

    @Test
    void withoutAnAcoustIdKeyTheTerminalSaysWhatWasSkippedAndHowToFinishIt() throws Exception {
        Path root = root("no-key");
        fakes.resetCounters();
        WkmpProcess run = importing("no-key", root, env(root, false), root.resolve("music"));
        assertThat(run.await(RUN_LIMIT)).as(run.output()).isZero();

        assertThat(run.stderr())
                .as("said at the start, before any file is imported")
                .contains("no AcoustID API key");
        Summary s = new Summary(run.stdout());
        assertThat(s.row("identification pending in this folder")).isEqualTo(PASSAGES);
        assertThat(run.stdout())
                .contains("no API key")
                .contains("WKMP_ACOUSTID_API_KEY")
                .contains("run the same import again");
        assertThat(fakes.acoustId.totalRequests()).isZero();
        assertThat(decisions(new LibraryDb(root), "music")).containsOnly("PENDING");
    }

    /**
     * A service that accepts connections and never answers (issue 10: one 15 s file took 549 s, a 30 s timeout plus
     * a retry for each pending passage). It is detected once: the import ends within the offline import's time plus
     * one request timeout (with a wide margin for a loaded machine, far below the old behaviour), the silent server
     * sees at most one connection a worker, and the summary says what stayed pending and why.
     */
    @Test
    void aServiceThatNeverAnswersIsDetectedOnceAndTheRestStaysPendingAtOnce() throws Exception {
        Path offlineRoot = root("silent-offline");
        long t0 = System.nanoTime();
        WkmpProcess offline = importing(
                "silent-offline",
                offlineRoot,
                env(offlineRoot, true),
                offlineRoot.resolve("music"),
                "--offline",
                "--workers",
                "2");
        assertThat(offline.await(RUN_LIMIT)).as(offline.output()).isZero();
        Duration offlineTime = Duration.ofNanos(System.nanoTime() - t0);

        Duration timeout = Duration.ofSeconds(10);
        try (SilentServer silent = new SilentServer()) {
            Path root = root("silent");
            List<String> args = new ArrayList<>(fakes.importArgs(root, root.resolve("music")));
            args.set(args.indexOf("--acoustid-url") + 1, silent.url());
            args.addAll(List.of("--workers", "2", "--param", "http_timeout_ms=" + timeout.toMillis()));
            t0 = System.nanoTime();
            WkmpProcess run = WkmpProcess.jar(dir.resolve("logs/silent"), env(root, true), args);
            assertThat(run.await(RUN_LIMIT)).as(run.output()).isZero();
            Duration onlineTime = Duration.ofNanos(System.nanoTime() - t0);

            assertThat(silent.connections())
                    .as("connections to the silent AcoustID: one a worker at most, then it is not asked again")
                    .isBetween(1, 2);
            Summary s = new Summary(run.stdout());
            assertThat(s.row("identification pending in this folder")).isEqualTo(PASSAGES);
            assertThat(run.stdout())
                    .contains("AcoustID did not answer within 10 s")
                    .contains(silent.url())
                    .contains("run the same import again");
            assertThat(run.stderr())
                    .as("said while importing, not only in the summary")
                    .contains("AcoustID did not answer within 10 s");
            assertThat(onlineTime)
                    .as("offline import %s, request timeout %s", offlineTime, timeout)
                    .isLessThan(offlineTime.plus(timeout).plusSeconds(40));
        }
    }

    /** A TCP server that accepts every connection and never writes a byte. */
    static final class SilentServer implements AutoCloseable {
        private final ServerSocket socket;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        SilentServer() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(
                    () -> {
                        try {
                            while (true) {
                                accepted.add(socket.accept());
                            }
                        } catch (IOException closed) {
                            // closed by close()
                        }
                    },
                    "silent-server");
            t.setDaemon(true);
            t.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/v2";
        }

        int connections() {
            return accepted.size();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    private static WkmpProcess importing(String name, Path root, Map<String, String> env, Path folder, String... more) {
        return WkmpProcess.jar(dir.resolve("logs").resolve(name), env, fakes.importArgs(root, folder, more));
    }

    /** A root with a copy of the library in {@code music/}, and an empty home folder beside it. */
    static Path root(String name) {
        try {
            Path root = Files.createDirectories(dir.resolve(name).resolve("root"));
            library.copyTo(root.resolve("music"));
            Files.createDirectories(dir.resolve(name).resolve("home"));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The child's environment: HOME an empty folder beside {@code root}, the test key when {@code withKey}. */
    static Map<String, String> env(Path root, boolean withKey) {
        Map<String, String> env = new HashMap<>();
        Path home = root.resolveSibling("home");
        env.put("HOME", home.toString());
        env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        if (withKey) {
            env.put("WKMP_ACOUSTID_API_KEY", FakeWorld.KEY);
        }
        return env;
    }

    private static List<String> passageGuids(LibraryDb db, String folder) {
        return db.rows("SELECT p.guid FROM passages p JOIN files f ON f.guid = p.file_id WHERE f.path LIKE '" + folder
                + "/%' ORDER BY p.guid");
    }

    private static List<String> decisions(LibraryDb db, String folder) {
        return db.rows("SELECT p.identification_decision FROM passages p JOIN files f ON f.guid = p.file_id"
                + " WHERE f.path LIKE '" + folder + "/%'");
    }
}
