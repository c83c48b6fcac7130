package io.wkmp.ingest.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wkmp.ingest.adapters.wiring.WkmpIngest;
import io.wkmp.ingest.core.session.SessionState;
import io.wkmp.ingest.core.session.SessionStatus;
import io.wkmp.ingest.server.IngestServer;
import io.wkmp.ingest.server.ServeCommand;
import io.wkmp.ingest.testkit.audio.EncodedFormat;
import io.wkmp.ingest.testkit.library.SynthLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /review and POST /review/{passage}/accept|choose|unidentifiable over HTTP on the served wiring (real SQLite). */
class ReviewRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OkHttpClient HTTP = new OkHttpClient();

    @TempDir
    Path dir;

    private FakeWorld fakes;
    private WkmpIngest ingest;
    private IngestServer server;
    private String base;

    record Reply(int status, JsonNode body) {}

    @BeforeEach
    void start() throws Exception {
        SynthLibrary library = SynthLibrary.builder(dir.resolve("library"))
                .song(EncodedFormat.FLAC, 9_000)
                .song(EncodedFormat.FLAC, 10_000)
                .build();
        fakes = new FakeWorld(library.catalog());
        Path root = Files.createDirectories(dir.resolve("root"));
        Path music = library.copyTo(root.resolve("music"));
        ingest = fakes.wiring(root).offline(true).build();
        SessionStatus done = ingest.start(music).await(Duration.ofMinutes(2));
        assertThat(done.state()).as("%s", done).isEqualTo(SessionState.COMPLETED);
        server = new IngestServer(ServeCommand.contextOf(ingest), Set.of(), 15_000).start("127.0.0.1", 0);
        base = "http://localhost:" + server.port();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (ingest != null) {
            ingest.close();
        }
        fakes.close();
    }

    private Reply call(Request.Builder b) throws Exception {
        try (Response r = HTTP.newCall(b.build()).execute()) {
            String text = r.body().string();
            return new Reply(r.code(), text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text));
        }
    }

    private Reply get(String path) throws Exception {
        return call(new Request.Builder().url(base + path));
    }

    private Reply post(String path, String body) throws Exception {
        return call(new Request.Builder()
                .url(base + path)
                .post(RequestBody.create(body, MediaType.get("application/json"))));
    }

    @Test
    void listsDecidesAndRefusesBadDecisions() throws Exception {
        Reply open = get("/review?folder=music");
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.body().path("count").asInt()).isEqualTo(2);
        JsonNode first = open.body().path("passages").get(0);
        assertThat(first.path("decision").asText()).isEqualTo("PENDING");
        assertThat(first.path("file").asText()).startsWith("music/");
        assertThat(first.path("start").asText()).matches("\\d+:\\d\\d\\.\\d{3}");
        assertThat(first.has("breakdown") && first.has("candidates") && first.has("tags"))
                .isTrue();
        String a = first.path("passage").asText();
        String b = open.body().path("passages").get(1).path("passage").asText();

        assertThat(get("/review?decision=ACCEPT").body().path("count").asInt()).isZero();
        assertThat(get("/review?decision=MAYBE").status()).isEqualTo(400);
        assertThat(get("/review?folder=../x").status()).isEqualTo(400);
        assertThat(get("/review?reason=no-such-reason-text")
                        .body()
                        .path("count")
                        .asInt())
                .isZero();

        Reply nothing = post("/review/" + a + "/accept", "{}");
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.body().toString()).contains("INVALID_DECISION");
        assertThat(post("/review/" + a + "/choose", "{\"recording_mbid\":\"nope\"}")
                        .status())
                .isEqualTo(400);
        assertThat(post("/review/" + a + "/choose", "{}").status()).isEqualTo(400);
        assertThat(post("/review/no-such-passage/unidentifiable", "{}").status())
                .isEqualTo(404);

        String mbid = SynthLibrary.recording(1);
        Reply chosen = post("/review/" + a + "/choose", "{\"recording_mbid\":\"" + mbid + "\",\"by\":\"erin\"}");
        assertThat(chosen.status()).as(chosen.body().toString()).isEqualTo(200);
        assertThat(chosen.body().path("decision").asText()).isEqualTo("ACCEPT");
        assertThat(chosen.body().path("recording_mbid").asText()).isEqualTo(mbid);
        assertThat(chosen.body().path("user_decision").path("action").asText()).isEqualTo("CHOOSE");
        assertThat(chosen.body().path("user_decision").path("by").asText()).isEqualTo("erin");

        // the chosen recording can be accepted again as it stands (accept = the recording it names now)
        Reply accepted = post("/review/" + a + "/accept", "{\"by\":\"erin\"}");
        assertThat(accepted.body().path("user_decision").path("action").asText())
                .isEqualTo("ACCEPT");

        Reply marked = post("/review/" + b + "/unidentifiable", "");
        assertThat(marked.status()).isEqualTo(200);
        assertThat(marked.body().path("decision").asText()).isEqualTo("REJECT");
        assertThat(marked.body().path("user_decision").path("by").asText()).isEqualTo("unknown");

        assertThat(get("/review").body().path("count").asInt()).isZero();
        Reply all = get("/review?decided=true&decision=ACCEPT,REJECT");
        assertThat(all.body().path("count").asInt()).isEqualTo(2);
        assertThat(get("/review/" + b)
                        .body()
                        .path("user_decision")
                        .path("action")
                        .asText())
                .isEqualTo("UNIDENTIFIABLE");
    }
}
