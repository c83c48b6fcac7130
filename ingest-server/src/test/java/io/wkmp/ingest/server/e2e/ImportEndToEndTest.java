package io.wkmp.ingest.server.e2e;

import static io.wkmp.ingest.server.e2e.LibraryAssertions.assertFile;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wkmp.ingest.adapters.wiring.WkmpIngest;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.port.ImportSession;
import io.wkmp.ingest.core.session.SessionState;
import io.wkmp.ingest.core.session.SessionStatus;
import io.wkmp.ingest.server.Main;
import io.wkmp.ingest.testkit.audio.EncodedFormat;
import io.wkmp.ingest.testkit.library.SynthLibrary;
import io.wkmp.ingest.testkit.library.SynthLibrary.LibraryFile;
import io.wkmp.ingest.testkit.library.SynthLibrary.LibraryFile.Kind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spec AIA-TEST-030: a synthesized library (FLAC, MP3, Ogg, M4A, Opus, WAV singles, a multi-segment album
 * file, a corrupt file, a byte-identical duplicate) imported against the fake services, once through the
 * embedding API and once through {@code wkmp-ai import --json}; both databases must hold the synthesized
 * passages (within 10 ms), the catalogue's identifications, flavour, the duplicate once and no corrupt file.
 */
class ImportEndToEndTest {
    private static final String MUSIC = "music";

    @TempDir
    static Path dir;

    private static SynthLibrary library;
    private static FakeWorld fakes;

    @BeforeAll
    static void synthesize() {
        library = SynthLibrary.builder(dir.resolve("library"))
                .song(EncodedFormat.FLAC, 14_000)
                .song(EncodedFormat.MP3, 15_000)
                .song(EncodedFormat.OGG, 16_000)
                .song(EncodedFormat.M4A, 17_000)
                .song(EncodedFormat.OPUS, 18_000)
                .song(EncodedFormat.WAV, 13_000)
                .song(EncodedFormat.FLAC, 19_000)
                .album(EncodedFormat.FLAC, "Waveforms", 2_000, 14_000, 16_000, 15_000)
                .corrupt("The Synthesists/Singles/99 Broken.flac")
                .duplicate("The Synthesists/Copies/Song 1 again.flac")
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
    void theEmbeddingApiImportsTheLibrary() throws Exception {
        Path root = Files.createDirectories(dir.resolve("api-root"));
        Path music = library.copyTo(root.resolve(MUSIC));
        SessionStatus done;
        try (WkmpIngest ingest = fakes.wiring(root).build()) {
            ImportSession session = ingest.start(music);
            done = session.await(Duration.ofMinutes(3));
        }
        assertThat(done.state()).as("%s", done).isEqualTo(SessionState.COMPLETED);
        assertThat(done.filesTotal()).isEqualTo(library.files().size());
        assertThat(done.filesSkipped()).isEqualTo(1);
        assertThat(done.filesDuplicate()).isEqualTo(1);
        assertThat(done.issues()).anySatisfy(i -> {
            assertThat(i.code()).isEqualTo(ErrorCode.DECODE_ERROR);
            assertThat(i.filePath()).isEqualTo(MUSIC + "/" + corrupt().relativePath());
        });
        assertLibrary(root);
    }

    @Test
    void theCommandLineImportsTheLibraryAndReportsTheCorruptFile() throws Exception {
        Path root = Files.createDirectories(dir.resolve("cli-root"));
        Path music = library.copyTo(root.resolve(MUSIC));
        FakeWorld.storeKey(root);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = Main.commandLine()
                    .execute(fakes.importArgs(root, music, "--json").toArray(String[]::new));
        } finally {
            System.setOut(stdout);
        }
        String out = captured.toString(StandardCharsets.UTF_8).trim();
        JsonNode json = new ObjectMapper().readTree(out.substring(out.lastIndexOf("\n") + 1));

        assertThat(exit).as(out).isEqualTo(1);
        assertThat(json.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(json.path("exit_code").asInt()).isEqualTo(1);
        assertThat(json.path("files_found").asInt()).isEqualTo(library.files().size());
        assertThat(json.path("files_duplicate").asInt()).isEqualTo(1);
        assertThat(json.path("files_skipped").asInt()).isEqualTo(1);
        int tracks = library.files().stream().mapToInt(f -> f.tracks().size()).sum();
        assertThat(json.path("passages_created").asInt()).isEqualTo(tracks);
        assertThat(json.path("identification").path("accepted").asInt()).isEqualTo(tracks);
        assertThat(json.path("issues")).anySatisfy(i -> {
            assertThat(i.path("error_code").asText()).isEqualTo("DECODE_ERROR");
            assertThat(i.path("severity").asText()).isEqualTo("SKIP_FILE");
            assertThat(i.path("file_path").asText())
                    .isEqualTo(MUSIC + "/" + corrupt().relativePath());
        });
        assertLibrary(root);
    }

    private static LibraryFile corrupt() {
        return library.files(Kind.CORRUPT).get(0);
    }

    /** The database of {@code root} holds exactly what was synthesized. */
    private static void assertLibrary(Path root) {
        LibraryDb db = new LibraryDb(root);
        for (LibraryFile f : library.files()) {
            String path = MUSIC + "/" + f.relativePath();
            List<LibraryDb.PassageRow> rows = db.passages(path);
            assertThat(db.duplicatePassages()).isZero();
            switch (f.kind()) {
                case CORRUPT -> {
                    assertThat(db.status(path)).as(path).isEmpty();
                    assertThat(rows).isEmpty();
                }
                case DUPLICATE -> {
                    // whichever of the two equal files a worker hashed first is the original, the other the duplicate
                    String originalPath = MUSIC + "/" + f.duplicateOf();
                    List<String> both = List.of(path, originalPath);
                    String dup = both.stream()
                            .filter(p -> db.status(p).orElse("").equals("DUPLICATE HASH"))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError(
                                    "no DUPLICATE HASH row among " + both + ": " + db.fileStatuses()));
                    String original = dup.equals(path) ? originalPath : path;
                    assertThat(db.status(original)).as(original).contains("INGEST COMPLETE");
                    assertThat(db.passages(dup))
                            .as("a duplicate has no passages of its own")
                            .isEmpty();
                    assertFile(db, original, library.file(f.duplicateOf()).orElseThrow());
                }
                case SONG -> {
                    if (!f.relativePath()
                            .equals(library.files(Kind.DUPLICATE).get(0).duplicateOf())) {
                        assertFile(db, path, f); // the duplicated song is checked with its copy
                    }
                }
                default -> assertFile(db, path, f);
            }
        }
        int tracks = library.files().stream().mapToInt(f -> f.tracks().size()).sum();
        assertThat(db.count("passages")).isEqualTo(tracks);
        assertThat(db.count("files")).isEqualTo(library.files().size() - 1);
        assertThat(db.count("songs")).isEqualTo(tracks);
        // the files carry no art: each identified release got the Cover Art Archive's front and back, saved beside
        // its audio as <release-mbid>.front.jpg / .back.jpg (once per folder holding tracks of it) and linked to its
        // album
        long albums = db.count("albums");
        assertThat(albums).isPositive();
        List<String> images = db.rows(
                "SELECT i.file_path, i.image_type, a.album_mbid FROM images i LEFT JOIN albums a ON a.guid = i.entity_id");
        assertThat(
                        db.scalar(
                                "SELECT count(DISTINCT a.guid) FROM images i JOIN albums a ON a.guid = i.entity_id"
                                        + " WHERE i.image_type = 'album_front' AND i.file_path LIKE '%/' || a.album_mbid || '.front.jpg'"))
                .as("%s", images)
                .isEqualTo(albums);
        assertThat(db.scalar("SELECT count(DISTINCT entity_id) FROM images WHERE image_type = 'album_back'"))
                .as("%s", images)
                .isEqualTo(albums);
        assertThat(
                        db.scalar(
                                "SELECT count(*) FROM images i LEFT JOIN albums a ON a.guid = i.entity_id WHERE a.guid IS NULL"))
                .as("every image belongs to an album")
                .isZero();
    }
}
