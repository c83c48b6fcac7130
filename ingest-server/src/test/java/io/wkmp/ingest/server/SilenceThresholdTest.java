package io.wkmp.ingest.server;

import static io.wkmp.ingest.server.HttpSupport.reply;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wkmp.ingest.adapters.wiring.WkmpIngest;
import io.wkmp.ingest.server.HttpSupport.Reply;
import io.wkmp.ingest.testkit.audio.AudioSynth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The silence threshold reaches the silence segmenter, and the amplitude analysis, by every way in: {@code import
 * --param}, {@code serve --param} and {@code POST /parameters}. The file is two loud tones (-12 dBFS) around a 2 s
 * quiet tone at -52 dBFS: at the default threshold (-50 dBFS) the quiet stretch is silence and splits the file into
 * two passages; at -55 dBFS it is sound and the file stays one passage. Real wiring (SQLite, ffmpeg), offline.
 */
class SilenceThresholdTest {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final String FILE = "music/gap.wav";
    /** Ticks per millisecond (28,224,000 ticks per second). */
    private static final long TICKS_PER_MS = 28_224;

    @TempDir
    Path dir;

    private final OkHttpClient http =
            new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60)).build();

    @Test
    void theImportCommandsParamReachesTheSegmenter() throws Exception {
        Path byDefault = root("default");
        Path changed = root("param");

        assertThat(Main.commandLine().execute(importArgs(byDefault))).isZero();
        assertThat(Main.commandLine().execute(importArgs(changed, "--param", "silence_threshold_dbfs=-55")))
                .isZero();

        assertThat(passages(byDefault))
                .as("the quiet stretch is silence at -50 dBFS")
                .isEqualTo(2);
        assertThat(passages(changed))
                .as("the quiet stretch is sound at -55 dBFS")
                .isEqualTo(1);
    }

    @Test
    void serveParamReachesTheSegmenterAndTheAmplitudeAnalysis() throws Exception {
        Path root = root("serve");
        CommandLine cl = new CommandLine(new ServeCommand());
        cl.parseArgs(
                "--root",
                root.toString(),
                "--offline",
                "--param",
                "silence_threshold_dbfs=-55",
                "--param",
                "rms_window_ms=20");
        EngineOptionsAccess serve = new EngineOptionsAccess(cl.getCommand());
        try (WkmpIngest ingest = serve.open();
                IngestServer server =
                        new IngestServer(ServeCommand.contextOf(ingest), Set.of(), 1000).start("127.0.0.1", 0)) {
            String base = "http://localhost:" + server.port();

            JsonNode amplitude = amplitude(base);
            assertThat(amplitude.path("window_ticks").asLong())
                    .as("the envelope at serve's 20 ms window")
                    .isEqualTo(20 * TICKS_PER_MS);
            assertThat(amplitude
                            .path("parameters_used")
                            .path("silence_threshold_dbfs")
                            .asText())
                    .isEqualTo("-55.0");
            assertThat(importAndWait(base)).isEqualTo("COMPLETED");
        }
        assertThat(passages(root)).isEqualTo(1);
    }

    @Test
    void savedParameterReachesTheSegmenterAndTheAmplitudeAnalysis() throws Exception {
        Path root = root("saved");
        try (WkmpIngest ingest = WkmpIngest.forRoot(root).offline(true).build();
                IngestServer server =
                        new IngestServer(ServeCommand.contextOf(ingest), Set.of(), 1000).start("127.0.0.1", 0)) {
            String base = "http://localhost:" + server.port();
            assertThat(amplitudeThreshold(base)).isEqualTo("-50.0");

            Reply saved = reply(post(base, "/parameters", "{\"parameters\":{\"silence_threshold_dbfs\":-55}}"));
            assertThat(saved.status()).as(saved.text()).isEqualTo(200);

            assertThat(amplitudeThreshold(base)).isEqualTo("-55.0");
            assertThat(importAndWait(base)).isEqualTo("COMPLETED");
        }
        assertThat(passages(root)).isEqualTo(1);
    }

    /** A root holding {@value #FILE}: loud, quiet (-52 dBFS), loud. */
    private Path root(String name) throws IOException {
        Path root = Files.createDirectories(dir.resolve(name));
        Path file = root.resolve(FILE);
        Files.createDirectories(file.getParent());
        AudioSynth.builder(44_100, 2)
                .tone(4_000, 330, -12)
                .tone(2_000, 440, -52)
                .tone(4_000, 550, -12)
                .build()
                .writeWav(file);
        return root;
    }

    private static String[] importArgs(Path root, String... more) {
        String[] base = {"import", root.resolve("music").toString(), "--root", root.toString(), "--offline"};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    /** The threshold {@code POST /analyze/amplitude} says it used for {@value #FILE}. */
    private String amplitudeThreshold(String base) throws IOException {
        return amplitude(base)
                .path("parameters_used")
                .path("silence_threshold_dbfs")
                .asText();
    }

    /** {@code POST /analyze/amplitude} of {@value #FILE}. */
    private JsonNode amplitude(String base) throws IOException {
        Reply r = reply(post(base, "/analyze/amplitude", "{\"file_path\":\"" + FILE + "\"}"));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body();
    }

    /** Imports the music folder through {@code POST /import/start} and returns the end state. */
    private String importAndWait(String base) throws Exception {
        Reply started = reply(post(base, "/import/start", "{\"folder\":\"music\"}"));
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        String id = started.body().path("session_id").asText();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            Reply status = reply(http.newCall(new Request.Builder()
                            .url(base + "/import/status/" + id)
                            .build())
                    .execute());
            JsonNode body = status.body();
            if (body.path("terminal").asBoolean()) {
                return body.path("state").asText();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the import did not end");
    }

    private okhttp3.Response post(String base, String path, String json) throws IOException {
        return http.newCall(new Request.Builder()
                        .url(base + path)
                        .post(RequestBody.create(json, JSON))
                        .build())
                .execute();
    }

    /** Passages stored for {@value #FILE}, read with plain SQL. */
    private static int passages(Path root) {
        return Jdbi.create("jdbc:sqlite:" + root.resolve("wkmp.db"))
                .withHandle(h -> h.createQuery(
                                "SELECT count(*) FROM passages p JOIN files f ON f.guid = p.file_id WHERE f.path = :p")
                        .bind("p", FILE)
                        .mapTo(Integer.class)
                        .one());
    }

    /** {@code serve}'s engine options as its {@code call()} uses them (the root, then the wiring). */
    private record EngineOptionsAccess(ServeCommand command) {
        WkmpIngest open() {
            return command.options.open(command.options.rootFor(null));
        }
    }
}
