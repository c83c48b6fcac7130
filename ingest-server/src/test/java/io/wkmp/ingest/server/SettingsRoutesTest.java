package io.wkmp.ingest.server;

import static io.wkmp.ingest.server.HttpSupport.reply;
import static io.wkmp.ingest.server.ImportRoutesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wkmp.ingest.core.port.ImportSession;
import io.wkmp.ingest.core.session.SessionState;
import io.wkmp.ingest.server.HttpSupport.Reply;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /parameters/* and /acoustid/* over HTTP, including the PAUSED key prompt of a running import. */
class SettingsRoutesTest {
    @TempDir
    Path root;

    ServerFixture f;

    @BeforeEach
    void start() {
        f = new ServerFixture(root, 20, 15_000);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private static JsonNode parameter(JsonNode view, String key) {
        for (JsonNode p : view.path("parameters")) {
            if (p.path("key").asText().equals(key)) {
                return p;
            }
        }
        throw new AssertionError("no parameter " + key);
    }

    @Test
    void parametersAreListedWithRangesValidatedAndSaved() throws Exception {
        JsonNode all = reply(f.get("/parameters")).body();
        JsonNode silence = parameter(all, "silence_threshold_dbfs");
        assertThat(silence.path("value").asText()).isEqualTo("-50.0");
        assertThat(silence.path("min").asDouble()).isEqualTo(-100);
        assertThat(silence.path("max").asDouble()).isEqualTo(0);
        assertThat(silence.path("unit").asText()).isEqualTo("dBFS");
        assertThat(silence.path("range").asText()).isEqualTo("[-100, 0] dBFS");
        assertThat(silence.path("label").asText()).isEqualTo("Silence level");
        assertThat(silence.path("group").asText()).isEqualTo("passages");
        assertThat(all.path("groups").get(0).path("id").asText()).isEqualTo("passages");
        assertThat(all.path("groups").get(0).path("title").asText()).isEqualTo("Finding passages");

        Reply valid = reply(f.post("/parameters/validate", "{\"parameters\":{\"silence_threshold_dbfs\":-60}}"));
        assertThat(valid.status()).isEqualTo(200);
        assertThat(parameter(valid.body(), "silence_threshold_dbfs")
                        .path("value")
                        .asText())
                .isEqualTo("-60.0");
        assertThat(f.store.readSettings()).doesNotContainKey("silence_threshold_dbfs");

        assertError(
                f.post("/parameters/validate", "{\"parameters\":{\"silence_threshold_dbfs\":\"-101\"}}"),
                400,
                "INVALID_PARAMETER");
        assertError(
                f.post("/parameters/validate", "{\"parameters\":{\"rms_window_ms\":\"ten\"}}"),
                400,
                "INVALID_PARAMETER");
        Reply sum = reply(f.post("/parameters", "{\"parameters\":{\"confidence_single_weight_metadata\":0.9}}"));
        assertThat(sum.status()).isEqualTo(400);
        assertThat(sum.errorMessage()).contains("must sum to 1.0");
        assertThat(sum.body().path("error").path("parameters"))
                .extracting(com.fasterxml.jackson.databind.JsonNode::asText)
                .containsExactly(
                        "confidence_single_weight_metadata",
                        "confidence_single_weight_fingerprint",
                        "confidence_single_weight_duration");
        assertError(
                f.post("/parameters", "{\"parameters\":{\"silence_threshold_dbfs\":{\"x\":1}}}"), 400, "INVALID_FIELD");

        Reply saved = reply(
                f.post("/parameters", "{\"parameters\":{\"silence_threshold_dbfs\":\"-60\",\"rms_window_ms\":20}}"));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(f.store.readSettings())
                .containsEntry("silence_threshold_dbfs", "-60.0")
                .containsEntry("rms_window_ms", "20");
        assertThat(parameter(reply(f.get("/parameters")).body(), "rms_window_ms")
                        .path("value")
                        .asText())
                .isEqualTo("20");
        assertThat(parameter(reply(f.get("/parameters/defaults")).body(), "rms_window_ms")
                        .path("value")
                        .asText())
                .isEqualTo("50");
    }

    @Test
    void theKeyIsValidatedSavedAndNeverReturned() throws Exception {
        assertThat(reply(f.get("/acoustid/key")).body().path("configured").asBoolean())
                .isFalse();
        assertThat(reply(f.post("/acoustid/validate", "{\"api_key\":\"bad-key\"}"))
                        .body()
                        .path("valid")
                        .asBoolean())
                .isFalse();
        assertError(f.post("/acoustid/key", "{\"api_key\":\"bad-key\"}"), 400, "INVALID_API_KEY");
        assertError(f.post("/acoustid/key", "{}"), 400, "MISSING_API_KEY");
        assertError(f.post("/acoustid/key", "{\"api_key\":\" spaced \"}"), 400, "INVALID_API_KEY");
        assertThat(f.store.readSettings()).doesNotContainKey("acoustid_api_key");

        Reply set = reply(f.post("/acoustid/key", "{\"api_key\":\"good-key\"}"));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.text()).doesNotContain("good-key");
        assertThat(f.store.readSettings()).containsEntry("acoustid_api_key", "good-key");
        Reply state = reply(f.get("/acoustid/key"));
        assertThat(state.body().path("configured").asBoolean()).isTrue();
        assertThat(state.text()).doesNotContain("good-key");
        assertThat(reply(f.get("/parameters")).text()).doesNotContain("good-key");
    }

    @Test
    void aPausedImportTakesANewKeyOrSkipsAcoustId() throws Exception {
        f.library("music", 1, "needs-key.wav", "needs-key-too.wav");
        String id = reply(f.post("/import/start", "{\"folder\":\"music\"}"))
                .body()
                .path("session_id")
                .asText();
        ImportSession s = f.engine.session(id).orElseThrow();
        assertError(f.post("/acoustid/skip", "{\"session_id\":\"nope\"}"), 404, "UNKNOWN_SESSION");
        assertError(f.post("/acoustid/skip", "{}"), 400, "MISSING_SESSION_ID");
        HttpSupport.waitFor(s, st -> st == SessionState.PAUSED);
        Reply paused = reply(f.get("/import/status/" + id));
        assertThat(paused.body().path("state").asText()).isEqualTo("PAUSED");
        assertThat(paused.body().path("pause_reason").asText()).isNotBlank();

        assertError(
                f.post("/acoustid/key", "{\"api_key\":\"bad-key\",\"session_id\":\"" + id + "\"}"),
                400,
                "INVALID_API_KEY");
        assertThat(s.status().state()).isEqualTo(SessionState.PAUSED);
        Reply good = reply(f.post("/acoustid/key", "{\"api_key\":\"good-key\",\"session_id\":\"" + id + "\"}"));
        assertThat(good.status()).isEqualTo(200);
        HttpSupport.waitFor(s, st -> st != SessionState.PAUSED);

        HttpSupport.waitFor(s, st -> st == SessionState.PAUSED || st.isTerminal());
        if (s.status().state() == SessionState.PAUSED) {
            assertThat(reply(f.post("/acoustid/skip", "{\"session_id\":\"" + id + "\"}"))
                            .status())
                    .isEqualTo(200);
        }
        assertThat(s.await(Duration.ofSeconds(20)).state()).isEqualTo(SessionState.COMPLETED);
        assertError(f.post("/acoustid/skip", "{\"session_id\":\"" + id + "\"}"), 409, "NOT_PAUSED");
        assertThat(f.validatedKeys).contains("bad-key", "good-key");
    }
}
