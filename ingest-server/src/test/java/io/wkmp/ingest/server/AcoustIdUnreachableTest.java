package io.wkmp.ingest.server;

import static io.wkmp.ingest.server.HttpSupport.reply;
import static org.assertj.core.api.Assertions.assertThat;

import io.wkmp.ingest.adapters.wiring.WkmpIngest;
import io.wkmp.ingest.core.port.ImportSession;
import io.wkmp.ingest.core.session.SessionState;
import io.wkmp.ingest.server.HttpSupport.Reply;
import io.wkmp.ingest.testkit.audio.AudioSynth;
import io.wkmp.ingest.testkit.fakes.FakeAcoustIdServer;
import io.wkmp.ingest.testkit.fakes.FakeCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AcoustID key routes over the default wiring ({@link WkmpIngest}) when AcoustID cannot be reached: they say
 * so (502 {@code ACOUSTID_UNREACHABLE}), save nothing, and a paused import stays paused.
 */
class AcoustIdUnreachableTest {
    private static final String CLOSED = "http://127.0.0.1:1";
    private static final String KEY = "goodKey42";

    @TempDir
    Path root;

    private final OkHttpClient http =
            new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60)).build();
    private WkmpIngest ingest;
    private IngestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (ingest != null) {
            ingest.close();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private String serve(String acoustIdUrl, String key) {
        WkmpIngest.Builder b = WkmpIngest.forRoot(root)
                .environment(Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")))
                .configFile(root.resolve("no-config.toml"))
                .parameter("acoustid_base_url", acoustIdUrl)
                .parameter("musicbrainz_base_url", CLOSED + "/ws/2")
                .parameter("acousticbrainz_base_url", CLOSED + "/api/v1")
                .parameter("coverartarchive_base_url", CLOSED)
                .parameter("acoustid_rate_limit_ms", "0")
                .parameter("ai_processing_thread_count", "1");
        if (key != null) {
            b.acoustIdKey(key);
        }
        ingest = b.build();
        server = new IngestServer(ServeCommand.contextOf(ingest), Set.of(), 15_000).start("127.0.0.1", 0);
        return "http://localhost:" + server.port();
    }

    private Response post(String base, String path, String json) throws Exception {
        return http.newCall(new Request.Builder()
                        .url(base + path)
                        .post(RequestBody.create(json, MediaType.get("application/json")))
                        .build())
                .execute();
    }

    @Test
    void checkingOrSavingAKeyWhileAcoustIdIsUnreachableSaysSoAndSavesNothing() throws Exception {
        String base = serve(CLOSED + "/v2", null);

        Reply validate = reply(post(base, "/acoustid/validate", "{\"api_key\":\"" + KEY + "\"}"));
        assertThat(validate.status()).as(validate.text()).isEqualTo(502);
        assertThat(validate.errorCode()).isEqualTo("ACOUSTID_UNREACHABLE");
        assertThat(validate.errorMessage()).contains("could not be reached").doesNotContain(KEY);

        Reply save = reply(post(base, "/acoustid/key", "{\"api_key\":\"" + KEY + "\"}"));
        assertThat(save.status()).as(save.text()).isEqualTo(502);
        assertThat(save.errorCode()).isEqualTo("ACOUSTID_UNREACHABLE");
        assertThat(ingest.store().readSettings()).doesNotContainKey("acoustid_api_key");
        assertThat(ingest.acoustIdKeyConfigured()).isFalse();
    }

    @Test
    void aPausedImportWhoseNewKeyCannotBeCheckedStaysPausedAndCanSkip() throws Exception {
        Path music = Files.createDirectories(root.resolve("music"));
        AudioSynth.builder(44_100, 2).music(15_000, 7).build().writeWav(music.resolve("song.wav"));
        FakeAcoustIdServer acoustId =
                new FakeAcoustIdServer(FakeCatalog.builder().build(), Set.of(KEY), 0);
        String base;
        ImportSession session;
        try (acoustId) {
            base = serve(acoustId.apiUrl(), "revokedKey");
            Reply started = reply(post(base, "/import/start", "{\"folder\":\"music\"}"));
            assertThat(started.status()).as(started.text()).isEqualTo(202);
            session = ingest.session(started.body().path("session_id").asText()).orElseThrow();
            HttpSupport.waitFor(session, st -> st == SessionState.PAUSED || st.isTerminal());
            assertThat(session.status().state()).isEqualTo(SessionState.PAUSED);
        }
        // AcoustID is gone now: the new key cannot be checked
        String answer = "{\"api_key\":\"" + KEY + "\",\"session_id\":\"" + session.id() + "\"}";
        Reply unchecked = reply(post(base, "/acoustid/key", answer));
        assertThat(unchecked.status()).as(unchecked.text()).isEqualTo(502);
        assertThat(unchecked.errorCode()).isEqualTo("ACOUSTID_UNREACHABLE");
        assertThat(session.status().state()).isEqualTo(SessionState.PAUSED);
        assertThat(ingest.store().readSettings()).doesNotContainKey("acoustid_api_key");

        Reply skipped = reply(post(base, "/acoustid/skip", "{\"session_id\":\"" + session.id() + "\"}"));
        assertThat(skipped.status()).as(skipped.text()).isEqualTo(200);
        assertThat(session.await(Duration.ofSeconds(60)).state()).isEqualTo(SessionState.COMPLETED);
        assertThat(session.status().pending()).isEqualTo(1);
    }
}
