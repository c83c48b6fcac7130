package io.wkmp.ingest.server;

import static io.wkmp.ingest.server.HttpSupport.reply;
import static io.wkmp.ingest.server.ImportRoutesTest.assertError;
import static io.wkmp.ingest.server.TestDatabase.S;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.wkmp.ingest.server.HttpSupport.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /metadata/*, /segments/* and /analyze/* over HTTP against a seeded SQLite database and real WAV files. */
class LibraryRoutesTest {
    private static final String SIDE = "album/side_a.flac";
    private static final String XSS = "<img src=x onerror=alert(1)>";

    @TempDir
    Path root;

    @TempDir
    Path outside;

    ServerFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new ServerFixture(root, 0, 15_000);
        // three 2 s tones with 1 s gaps: 0-2, 3-5, 6-8, then silence to 9 s
        TestAudio.write(root.resolve(SIDE), 1.0, 2.0, 2.0, 2.0);
        f.db.addFile("f1", SIDE, 9.0, XSS, 0, 2, 3, 5, 6, 8);
        TestAudio.write(root.resolve("album/not_imported.wav"), 0.1, 0.5);
        Files.writeString(outside.resolve("secret.wav"), "x");
        Files.createSymbolicLink(root.resolve("album/link.wav"), outside.resolve("secret.wav"));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void metadataShowsPassagesWithEvidenceAndTagTextVerbatim() throws Exception {
        Reply list = reply(f.get("/metadata/files?prefix=album/"));
        assertThat(list.body().path("files").get(0).path("path").asText()).isEqualTo(SIDE);
        assertThat(list.body().path("files").get(0).path("passage_count").asInt())
                .isEqualTo(3);
        Reply file = reply(f.get("/metadata/file?path=" + SIDE));
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body().path("title").asText()).isEqualTo(XSS);
        JsonNode p = file.body().path("passages").get(1);
        assertThat(p.path("timing").path("start_time_ticks").asLong()).isEqualTo(3 * S);
        assertThat(p.path("identification").path("decision").asText()).isEqualTo("REVIEW");
        assertThat(p.path("identification").path("confidence").asDouble()).isEqualTo(0.72);
        assertThat(p.path("identification")
                        .path("evidence")
                        .path("fingerprint_score")
                        .asDouble())
                .isEqualTo(0.8);
        assertThat(p.path("fingerprint").asText()).isEqualTo("AQAAfingerprint");

        assertError(f.get("/metadata/file"), 400, "MISSING_PARAMETER");
        assertError(f.get("/metadata/file?path=album/not_imported.wav"), 404, "NOT_IMPORTED");
        assertError(f.get("/metadata/file?path=album/none.wav"), 404, "PATH_NOT_FOUND");
        assertError(f.get("/metadata/file?path=../secret.wav"), 400, "PATH_OUTSIDE_ROOT");
        assertError(f.get("/metadata/file?path=" + outside.resolve("secret.wav")), 400, "PATH_OUTSIDE_ROOT");
        assertError(f.get("/metadata/file?path=album/link.wav"), 400, "PATH_OUTSIDE_ROOT");
        assertError(f.get("/metadata/file?path=album"), 400, "NOT_A_FILE");
        assertError(f.get("/metadata/files?prefix=../"), 400, "PATH_OUTSIDE_ROOT");
        assertError(f.get("/metadata/files?limit=0"), 400, "INVALID_PARAMETER");
    }

    @Test
    void waveformPeaksFollowTheAudio() throws Exception {
        Reply w = reply(f.get("/segments/waveform?path=" + SIDE + "&buckets=90"));
        assertThat(w.status()).isEqualTo(200);
        assertThat(w.body().path("buckets").asInt()).isEqualTo(90);
        assertThat(w.body().path("end_ticks").asLong()).isEqualTo(9 * S);
        JsonNode max = w.body().path("max");
        assertThat(max.get(10).asDouble()).isCloseTo(TestAudio.TONE_PEAK, within(0.01)); // 1.0-1.1 s: tone
        assertThat(max.get(25).asDouble()).isZero(); // 2.5 s: gap
        Reply stretch = reply(
                f.get("/segments/waveform?path=" + SIDE + "&buckets=10&start_ticks=" + 3 * S + "&end_ticks=" + 4 * S));
        assertThat(stretch.body().path("start_ticks").asLong()).isEqualTo(3 * S);
        assertThat(stretch.body().path("min").size()).isEqualTo(10);
        assertError(f.get("/segments/waveform?path=" + SIDE + "&buckets=0"), 400, "INVALID_PARAMETER");
        assertError(f.get("/segments/waveform?path=" + SIDE + "&start_ticks=5&end_ticks=5"), 400, "INVALID_PARAMETER");
        assertError(f.get("/segments/waveform?path=" + SIDE + "&buckets=abc"), 400, "INVALID_PARAMETER");
        assertError(f.get("/segments/waveform?path=../x.wav"), 400, "PATH_OUTSIDE_ROOT");
    }

    @Test
    void audioIsServedWithRanges() throws Exception {
        try (okhttp3.Response r = f.call(new Request.Builder()
                .url(f.base + "/segments/audio?path=" + SIDE)
                .header("Range", "bytes=0-3"))) {
            assertThat(r.code()).isEqualTo(206);
            assertThat(r.header("Content-Type")).startsWith("audio/flac");
            assertThat(r.header("Content-Range")).startsWith("bytes 0-");
            assertThat(r.body().string()).startsWith("fLaC");
        }
        assertError(f.get("/segments/audio?path=album/link.wav"), 400, "PATH_OUTSIDE_ROOT");
    }

    @Test
    void savingEditsWritesTicksAndRefusesInvalidOnes() throws Exception {
        Reply before = reply(f.get("/segments?path=" + SIDE));
        assertThat(before.body().path("passages")).hasSize(3);
        String edit = "{\"passages\":[{\"guid\":\"f1-p0\",\"start_time_ticks\":0,\"end_time_ticks\":" + (25 * S / 10)
                + ",\"lead_in_start_ticks\":" + S / 4 + ",\"lead_out_start_ticks\":" + 2 * S + "}]}";
        Reply saved = reply(f.put("/segments?path=" + SIDE, edit));
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        assertThat(f.db.ticks("f1-p0")).isEqualTo(Arrays.asList(0L, 25 * S / 10, S / 4, 2 * S, null, null, null));
        assertThat(saved.body()
                        .path("passages")
                        .get(0)
                        .path("timing")
                        .path("end_time_ticks")
                        .asLong())
                .isEqualTo(25 * S / 10);

        Reply overlap = reply(f.put(
                "/segments?path=" + SIDE,
                "{\"passages\":[{\"guid\":\"f1-p0\",\"start_time_ticks\":0,\"end_time_ticks\":" + 4 * S + "}]}"));
        assertThat(overlap.status()).isEqualTo(400);
        assertThat(overlap.errorCode()).isEqualTo("INVALID_TIMING");
        assertThat(overlap.errorMessage())
                .isEqualTo("passage 2 starts at 0:03.000, before passage 1 ends (0:04.000): passages must not overlap");
        assertThat(overlap.body().path("error").path("passage").asText()).isEqualTo("f1-p0");
        assertThat(overlap.body().path("error").path("field").asText()).isEqualTo("end_time_ticks");
        Reply order = reply(f.put(
                "/segments?path=" + SIDE,
                "{\"passages\":[{\"guid\":\"f1-p1\",\"start_time_ticks\":" + 3 * S + ",\"end_time_ticks\":" + 5 * S
                        + ",\"lead_in_start_ticks\":" + S + "}]}"));
        assertThat(order.errorCode()).isEqualTo("INVALID_TIMING");
        assertThat(order.errorMessage())
                .as("in m:ss.mmm and plain names, never raw ticks")
                .isEqualTo("Lead-in (0:01.000) must not be before Start (0:03.000)");
        assertThat(order.body().path("error").path("passage").asText()).isEqualTo("f1-p1");
        assertThat(order.body().path("error").path("field").asText()).isEqualTo("lead_in_start_ticks");
        assertError(
                f.put(
                        "/segments?path=" + SIDE,
                        "{\"passages\":[{\"guid\":\"f1-p2\",\"start_time_ticks\":" + 6 * S + ",\"end_time_ticks\":"
                                + 10 * S + "}]}"),
                400,
                "INVALID_TIMING");
        assertError(
                f.put(
                        "/segments?path=" + SIDE,
                        "{\"passages\":[{\"guid\":\"f1-p2\",\"start_time_ticks\":1.5,\"end_time_ticks\":3}]}"),
                400,
                "INVALID_FIELD");
        assertError(f.put("/segments?path=" + SIDE, "{\"passages\":[]}"), 400, "INVALID_TIMING");
        assertError(
                f.put(
                        "/segments?path=" + SIDE,
                        "{\"passages\":[{\"guid\":\"zz\",\"start_time_ticks\":0,\"end_time_ticks\":9}]}"),
                404,
                "NOT_FOUND");
        assertError(f.put("/segments?path=album/not_imported.wav", "{\"passages\":[]}"), 404, "NOT_IMPORTED");
        assertThat(f.db.ticks("f1-p1").subList(0, 2)).containsExactly(3 * S, 5 * S);
    }

    @Test
    void amplitudeAnalysisFindsLevelsAndLeadPoints() throws Exception {
        Reply a = reply(f.post(
                "/analyze/amplitude",
                "{\"file_path\":\"" + SIDE + "\",\"start_ticks\":" + 3 * S / 2 + ",\"end_ticks\":" + 11 * S / 2 + "}"));
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(a.body().path("peak_rms_dbfs").asDouble()).isCloseTo(TestAudio.TONE_RMS_DBFS, within(0.2));
        assertThat(a.body().path("rms_profile_dbfs")).hasSize(80); // 4 s at the default 50 ms window
        assertThat(a.body().path("start_ticks").asLong()).isEqualTo(3 * S / 2);
        assertThat(a.body().path("lead_in_start_ticks").asLong()).isEqualTo(3 * S / 2); // loud from the first window
        assertThat(a.body().path("lead_out_start_ticks").asLong() / (double) S)
                .isCloseTo(5.0, within(0.06)); // tone ends at 5 s
        assertThat(a.body().path("fade_in_start_ticks").isNull()).isTrue(); // hard start: no natural fade
        assertThat(a.body().path("parameters_used").path("rms_window_ms").asText())
                .isEqualTo("50");
        Reply whole = reply(f.post("/analyze/amplitude", "{\"file_path\":\"" + SIDE + "\"}"));
        assertThat(whole.body().path("end_ticks").asLong()).isEqualTo(9 * S);
        assertError(f.post("/analyze/amplitude", "{}"), 400, "MISSING_PARAMETER");
        assertError(
                f.post("/analyze/amplitude", "{\"file_path\":\"" + SIDE + "\",\"start_ticks\":" + 10 * S + "}"),
                400,
                "INVALID_PARAMETER");
        assertError(f.post("/analyze/amplitude", "{\"file_path\":\"../../etc/passwd\"}"), 400, "PATH_OUTSIDE_ROOT");
        assertError(
                f.post(
                        "/analyze/amplitude",
                        "{\"file_path\":\"" + SIDE + "\",\"parameters\":{\"lead_in_threshold_db\":3}}"),
                400,
                "INVALID_PARAMETER");
    }
}
