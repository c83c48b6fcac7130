package io.wkmp.ingest.server;

import static io.wkmp.ingest.server.HttpSupport.reply;
import static org.assertj.core.api.Assertions.assertThat;

import io.wkmp.ingest.core.port.ImportSession;
import io.wkmp.ingest.core.session.SessionState;
import io.wkmp.ingest.server.HttpSupport.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /health, /import/* over HTTP, with every bad input the API refuses. */
class ImportRoutesTest {
    @TempDir
    Path root;

    @TempDir
    Path outside;

    ServerFixture f;

    ServerFixture server(long perFileMillis) {
        f = new ServerFixture(root, perFileMillis, 15_000);
        return f;
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void healthSaysWhoItIs() throws Exception {
        Reply r = reply(server(0).get("/health"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("status").asText()).isEqualTo("ok");
        assertThat(r.body().path("module").asText()).isEqualTo("wkmp-ai");
        assertThat(r.body().path("import_running").asBoolean()).isFalse();
    }

    @Test
    void startsAnImportAndPollsItToCompletion() throws Exception {
        server(5).library("music", 4, "corrupt.wav");
        Reply started = reply(f.post("/import/start", "{\"folder\":\"music\"}"));
        assertThat(started.status()).isEqualTo(202);
        String id = started.body().path("session_id").asText();
        assertThat(started.body().path("folder").asText()).isEqualTo("music");
        f.engine.session(id).orElseThrow().await(Duration.ofSeconds(20));

        Reply status = reply(f.get("/import/status/" + id));
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body().path("state").asText()).isEqualTo("COMPLETED");
        assertThat(status.body().path("progress").path("current").asInt()).isEqualTo(5);
        assertThat(status.body().path("progress").path("total").asInt()).isEqualTo(5);
        assertThat(status.body().path("progress").path("percentage").asDouble()).isEqualTo(100.0);
        assertThat(status.body().path("counts").path("imported").asInt()).isEqualTo(4);
        assertThat(status.body().path("counts").path("failed").asInt()).isEqualTo(1);
        assertThat(status.body().path("errors").get(0).path("error_code").asText())
                .isEqualTo("DECODE_ERROR");
        assertThat(status.body().path("errors").get(0).path("file_path").asText())
                .isEqualTo("music/corrupt.wav");
        assertThat(status.body().path("errors").get(0).path("severity").asText())
                .isEqualTo("SKIP_FILE");
        assertThat(reply(f.get("/import/active")).status()).isEqualTo(204);
    }

    @Test
    void anImportStartedWithoutAcoustIdNeverAsksItAndSaysSo() throws Exception {
        // needs-key.wav makes AcoustID refuse the key, which pauses a session that uses AcoustID
        server(5).library("music", 2, "needs-key.wav");
        Reply started = reply(f.post("/import/start", "{\"folder\":\"music\",\"acoustid\":false}"));
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        assertThat(started.body().path("acoustid").asBoolean(true)).isFalse();
        String id = started.body().path("session_id").asText();
        f.engine.session(id).orElseThrow().await(Duration.ofSeconds(20));

        Reply status = reply(f.get("/import/status/" + id));
        assertThat(status.body().path("state").asText()).isEqualTo("COMPLETED");
        assertThat(status.body().path("counts").path("imported").asInt()).isEqualTo(3);
        assertThat(status.body().path("errors").get(0).path("error_message").asText())
                .startsWith("AcoustID not used: this import was started without it");
        assertThat(f.engine.session(id).orElseThrow().eventsSince(0))
                .noneMatch(e -> e.event() instanceof io.wkmp.ingest.core.session.ImportEvent.StateChanged c
                        && c.to() == io.wkmp.ingest.core.session.SessionState.PAUSED);
        assertError(f.post("/import/start", "{\"folder\":\"music\",\"acoustid\":\"no\"}"), 400, "INVALID_FIELD");
    }

    @Test
    void aSecondImportWhileOneRunsIsAConflict() throws Exception {
        server(300).library("music", 6);
        String id = reply(f.post("/import/start", "{\"folder\":\"music\"}"))
                .body()
                .path("session_id")
                .asText();
        Reply second = reply(f.post("/import/start", "{\"folder\":\"music\"}"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.errorCode()).isEqualTo("IMPORT_RUNNING");
        assertThat(second.body().path("error").path("active_session_id").asText())
                .isEqualTo(id);
        Reply active = reply(f.get("/import/active"));
        assertThat(active.status()).isEqualTo(200);
        assertThat(active.body().path("session_id").asText()).isEqualTo(id);
        assertThat(reply(f.get("/health")).body().path("import_running").asBoolean())
                .isTrue();
    }

    @Test
    void cancelStopsARunningImportAndRefusesAFinishedOne() throws Exception {
        server(300).library("music", 6);
        String id = reply(f.post("/import/start", "{\"folder\":\"music\"}"))
                .body()
                .path("session_id")
                .asText();
        Reply cancelled = reply(f.post("/import/cancel/" + id, ""));
        assertThat(cancelled.status()).isEqualTo(200);
        ImportSession s = f.engine.session(id).orElseThrow();
        assertThat(s.await(Duration.ofSeconds(20)).state()).isEqualTo(SessionState.CANCELLED);
        Reply again = reply(f.post("/import/cancel/" + id, ""));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("ALREADY_FINISHED");
    }

    @Test
    void badStartRequestsAreRefusedWithStableCodes() throws Exception {
        server(0).library("music", 1);
        Files.writeString(root.resolve("plain.txt"), "x");
        Files.createSymbolicLink(root.resolve("escape"), outside);
        assertError(f.post("/import/start", "{}"), 400, "MISSING_FOLDER");
        assertError(f.post("/import/start", "{\"folder\":\"  \"}"), 400, "MISSING_FOLDER");
        assertError(f.post("/import/start", "{\"folder\":\"no-such-folder\"}"), 400, "FOLDER_NOT_FOUND");
        assertError(f.post("/import/start", "{\"folder\":\"../\"}"), 400, "PATH_OUTSIDE_ROOT");
        assertError(f.post("/import/start", "{\"folder\":\"music/../../etc\"}"), 400, "PATH_OUTSIDE_ROOT");
        assertError(f.post("/import/start", "{\"folder\":\"" + outside + "\"}"), 400, "PATH_OUTSIDE_ROOT");
        assertError(f.post("/import/start", "{\"folder\":\"escape\"}"), 400, "PATH_OUTSIDE_ROOT");
        assertError(f.post("/import/start", "{\"folder\":\"plain.txt\"}"), 400, "NOT_A_FOLDER");
        assertError(f.post("/import/start", "{\"folder\":\"music\""), 400, "INVALID_JSON");
        assertError(f.post("/import/start", "[1]"), 400, "INVALID_JSON");
        Reply range = reply(
                f.post("/import/start", "{\"folder\":\"music\",\"parameters\":{\"silence_threshold_dbfs\":\"5\"}}"));
        assertThat(range.status()).isEqualTo(400);
        assertThat(range.errorCode()).isEqualTo("INVALID_PARAMETER");
        assertThat(range.body().path("error").path("parameter").asText()).isEqualTo("silence_threshold_dbfs");
        assertThat(range.errorMessage()).contains("[-100, 0]");
        assertError(
                f.post("/import/start", "{\"folder\":\"music\",\"parameters\":{\"no_such\":1}}"),
                400,
                "INVALID_PARAMETER");
        assertThat(f.engine.active()).isEmpty();
    }

    @Test
    void unknownSessionsAreNotFound() throws Exception {
        server(0);
        assertError(f.get("/import/status/nope"), 404, "UNKNOWN_SESSION");
        assertError(f.post("/import/cancel/nope", ""), 404, "UNKNOWN_SESSION");
        assertError(
                f.call(new Request.Builder()
                        .url(f.base + "/events?session_id=nope")
                        .header("Accept", "text/event-stream")),
                404,
                "UNKNOWN_SESSION");
        assertError(
                f.call(new Request.Builder().url(f.base + "/events").header("Accept", "text/event-stream")),
                400,
                "MISSING_SESSION_ID");
        assertError(f.get("/no/such/route"), 404, "NOT_FOUND");
    }

    @Test
    void foreignHostsAndOriginsAreRefused() throws Exception {
        server(0).library("music", 1);
        assertError(
                f.call(new Request.Builder().url(f.base + "/health").header("Host", "evil.example:5723")),
                403,
                "FORBIDDEN_HOST");
        assertError(
                f.call(new Request.Builder().url(f.base + "/health").header("Host", "localhost.evil.example")),
                403,
                "FORBIDDEN_HOST");
        assertThat(reply(f.call(new Request.Builder()
                                .url(f.base + "/health")
                                .header("Host", "127.0.0.1:" + f.server.port())))
                        .status())
                .isEqualTo(200);
        assertThat(reply(f.call(new Request.Builder()
                                .url(f.base + "/health")
                                .header("Host", "[::1]:" + f.server.port())))
                        .status())
                .isEqualTo(200);
        RequestBody body = RequestBody.create("{\"folder\":\"music\"}", ServerFixture.JSON);
        assertError(
                f.call(new Request.Builder()
                        .url(f.base + "/import/start")
                        .post(body)
                        .header("Origin", "http://evil.example")),
                403,
                "FOREIGN_ORIGIN");
        assertError(
                f.call(new Request.Builder()
                        .url(f.base + "/import/start")
                        .post(body)
                        .header("Origin", "null")),
                403,
                "FOREIGN_ORIGIN");
        assertError(
                f.call(new Request.Builder()
                        .url(f.base + "/import/start")
                        .post(body)
                        .header("Sec-Fetch-Site", "cross-site")),
                403,
                "FOREIGN_ORIGIN");
        assertThat(f.engine.active()).isEmpty();
        Reply own = reply(f.call(
                new Request.Builder().url(f.base + "/import/start").post(body).header("Origin", f.base)));
        assertThat(own.status()).isEqualTo(202);
        Reply page = reply(f.get("/"));
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(f.get("/").header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(f.get("/app.css").header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertError(
                f.call(new Request.Builder().url(f.base + "/").header("Host", "evil.example")), 403, "FORBIDDEN_HOST");
        assertError(
                f.call(new Request.Builder().url(f.base + "/import-progress").header("Host", "evil.example")),
                403,
                "FORBIDDEN_HOST");
        assertThat(f.get("/health").header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void folderChooserListsSubFoldersInsideTheRootOnly() throws Exception {
        server(0).library("music/rock", 1);
        Files.createDirectories(root.resolve("music/.hidden"));
        Files.createSymbolicLink(root.resolve("music/escape"), outside);
        Reply top = reply(f.get("/folders"));
        assertThat(top.body().path("path").asText()).isEmpty();
        assertThat(top.body().path("folders").toString()).isEqualTo("[\"music\"]");
        Reply music = reply(f.get("/folders?path=music"));
        assertThat(music.body().path("folders").toString()).isEqualTo("[\"rock\"]");
        assertError(f.get("/folders?path=music/escape"), 400, "PATH_OUTSIDE_ROOT");
        assertError(f.get("/folders?path=.."), 400, "PATH_OUTSIDE_ROOT");
        assertError(f.get("/folders?path=music/rock/track_01.wav"), 400, "NOT_A_FOLDER");
    }

    static void assertError(okhttp3.Response response, int status, String code) {
        Reply r = reply(response);
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.errorCode()).as(r.text()).isEqualTo(code);
        assertThat(r.errorMessage()).isNotBlank();
    }
}
