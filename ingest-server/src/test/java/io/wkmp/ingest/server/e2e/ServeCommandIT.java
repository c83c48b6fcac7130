package io.wkmp.ingest.server.e2e;

import static io.wkmp.ingest.server.e2e.LibraryAssertions.assertFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wkmp.ingest.testkit.audio.EncodedFormat;
import io.wkmp.ingest.testkit.library.SynthLibrary;
import io.wkmp.ingest.testkit.library.SynthLibrary.LibraryFile;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar wkmp-ai.jar serve} in its own process, driven over HTTP as the web wizard drives it: the AcoustID
 * key validated and saved through the API, an online import started and followed over SSE to {@code completed}, the
 * results read back from SQLite, then {@code kill -TERM}: exit code 0, nothing left running or listening.
 */
class ServeCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();

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
                .album(EncodedFormat.FLAC, "Waveforms", 2_000, 10_000, 12_000)
                .build();
        fakes = new FakeWorld(library.catalog());
    }

    @Test
    void theServerSavesTheKeyImportsOnlineFollowedOverSseAndStopsCleanlyOnSigterm() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        library.copyTo(root.resolve("music"));
        Path home = Files.createDirectories(dir.resolve("home"));
        int port = freePort();
        List<String> args = new ArrayList<>(List.of(
                "serve",
                "--root",
                root.toString(),
                "--port",
                String.valueOf(port),
                "--acoustid-url",
                fakes.acoustId.apiUrl(),
                "--musicbrainz-url",
                fakes.musicBrainz.apiUrl(),
                "--acousticbrainz-url",
                fakes.acousticBrainz.apiUrl(),
                "--coverart-url",
                fakes.coverArt.apiUrl()));
        for (String rate :
                List.of("acoustid_rate_limit_ms", "musicbrainz_rate_limit_ms", "acousticbrainz_rate_limit_ms")) {
            args.addAll(List.of("--param", rate + "=0"));
        }
        WkmpProcess server = WkmpProcess.jar(
                dir.resolve("logs/serve"),
                Map.of(
                        "HOME",
                        home.toString(),
                        "XDG_CACHE_HOME",
                        home.resolve(".cache").toString()),
                args);
        try {
            server.awaitLine(Pattern.compile("serving .* on http://localhost:" + port + "/"), Duration.ofMinutes(2));
            Api api = new Api(port);

            assertThat(api.get("/health").path("status").asText()).isEqualTo("ok");
            assertThat(api.get("/acoustid/key").path("configured").asBoolean()).isFalse();
            assertThat(api.post("/acoustid/validate", "{\"api_key\": \"wrong-key\"}", 200)
                            .path("valid")
                            .asBoolean())
                    .isFalse();
            assertThat(api.post("/acoustid/validate", "{\"api_key\": \"" + FakeWorld.KEY + "\"}", 200)
                            .path("valid")
                            .asBoolean())
                    .isTrue();
            assertThat(api.post("/acoustid/key", "{\"api_key\": \"" + FakeWorld.KEY + "\"}", 200)
                            .path("configured")
                            .asBoolean())
                    .isTrue();
            LibraryDb db = new LibraryDb(root);
            assertThat(db.rows("SELECT value FROM settings WHERE key = 'acoustid_api_key'"))
                    .containsExactly(FakeWorld.KEY);

            fakes.resetCounters();
            String session = api.post("/import/start", "{\"folder\": \"music\"}", 202)
                    .path("session_id")
                    .asText();
            JsonNode completed = api.followUntilCompleted(session);
            assertThat(completed.path("state").asText()).as("%s", completed).isEqualTo("COMPLETED");
            assertThat(completed.path("files_processed").asInt()).isEqualTo(3);

            for (LibraryFile f : library.files()) {
                assertFile(db, "music/" + f.relativePath(), f);
            }
            assertThat(db.count("songs")).isEqualTo(4);
            assertThat(fakes.acoustId.requests("lookup")).isPositive();
            assertThat(fakes.musicBrainz.totalRequests()).isPositive();

            List<ProcessHandle> children = server.process.descendants().toList();
            server.process.destroy(); // SIGTERM
            assertThat(server.await(Duration.ofSeconds(60)))
                    .as("exit code after SIGTERM: %s", server.output())
                    .isZero();
            assertThat(children.stream().filter(ProcessHandle::isAlive).toList())
                    .as("child processes left running")
                    .isEmpty();
            assertThat(WkmpProcess.toolsWorkingOn(root)).isEmpty();
            assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                    .as("nothing listens on the port any more")
                    .isInstanceOf(IOException.class);
            assertThat(root.resolve("wkmp.db-wal"))
                    .as("the database was closed (SQLite removes the WAL file when the last connection closes)")
                    .doesNotExist();
            assertThat(server.stderr()).doesNotContain("Exception");
        } finally {
            server.process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The server's HTTP API, as the wizard calls it (JSON bodies, loopback Host). */
    private static final class Api {
        private final HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private final String base;

        Api(int port) {
            base = "http://127.0.0.1:" + port;
        }

        JsonNode get(String path) throws Exception {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
            return JSON.readTree(r.body());
        }

        JsonNode post(String path, String json, int expectedStatus) throws Exception {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("POST %s: %s", path, r.body()).isEqualTo(expectedStatus);
            return JSON.readTree(r.body());
        }

        /** Reads the session's SSE stream until its {@code completed} event and returns that event's data. */
        JsonNode followUntilCompleted(String session) throws Exception {
            HttpResponse<Stream<String>> r = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/events?session_id=" + session))
                            .timeout(Duration.ofMinutes(5))
                            .header("Accept", "text/event-stream")
                            .build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(r.statusCode()).isEqualTo(200);
            try (Stream<String> lines = r.body()) {
                String event = null;
                for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
                    String line = it.next();
                    if (line.startsWith("event:")) {
                        event = line.substring(6).trim();
                    } else if (line.startsWith("data:") && "completed".equals(event)) {
                        return JSON.readTree(line.substring(5).trim());
                    }
                }
            }
            throw new AssertionError("the event stream ended without a completed event");
        }
    }
}
