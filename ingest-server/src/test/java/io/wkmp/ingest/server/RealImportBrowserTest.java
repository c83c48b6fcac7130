package io.wkmp.ingest.server;

import static io.wkmp.ingest.server.TestDatabase.S;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wkmp.ingest.adapters.wiring.WkmpIngest;
import io.wkmp.ingest.testkit.fakes.FakeAcoustIdServer;
import io.wkmp.ingest.testkit.fakes.FakeAcousticBrainzServer;
import io.wkmp.ingest.testkit.fakes.FakeMusicBrainzServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.generic.GenericType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 7 end to end: the real server over the default wiring (SQLite, ffmpeg, Chromaprint, the HTTP clients)
 * against the fake AcoustID / MusicBrainz / AcousticBrainz servers, driven from headless Chromium: wizard,
 * progress to COMPLETED, summary, then a boundary of the multi-segment file dragged and saved in the editor.
 */
class RealImportBrowserTest {
    private static final String KEY = "e2e-key";
    /** The fakes tolerate one interval of delivery noise: 334 ms, far above scheduling noise. */
    private static final long SERVICE_INTERVAL_MS = 334;

    @TempDir
    Path root;

    @TempDir
    Path work;

    RealLibrary library;
    FakeAcoustIdServer acoustId;
    FakeMusicBrainzServer musicBrainz;
    FakeAcousticBrainzServer acousticBrainz;
    WkmpIngest ingest;
    IngestServer server;
    Browser b;
    String base;

    @BeforeEach
    void start() {
        library = new RealLibrary(root, work);
        acoustId = new FakeAcoustIdServer(library.catalog, Set.of(KEY), SERVICE_INTERVAL_MS);
        musicBrainz = new FakeMusicBrainzServer(library.catalog, SERVICE_INTERVAL_MS);
        acousticBrainz = new FakeAcousticBrainzServer(library.catalog, SERVICE_INTERVAL_MS);
        String interval = String.valueOf(SERVICE_INTERVAL_MS + 20);
        ingest = WkmpIngest.forRoot(root)
                .parameter("acoustid_base_url", acoustId.apiUrl())
                .parameter("musicbrainz_base_url", musicBrainz.apiUrl())
                .parameter("acousticbrainz_base_url", acousticBrainz.apiUrl())
                .parameter("acoustid_rate_limit_ms", interval)
                .parameter("musicbrainz_rate_limit_ms", interval)
                .parameter("acousticbrainz_rate_limit_ms", interval)
                .parameter("fetch_cover_art", "false")
                .acoustIdKey(KEY)
                .environment(Map.of("PATH", System.getenv("PATH")))
                .configFile(work.resolve("no-config.toml"))
                .build();
        server = new IngestServer(ServeCommand.contextOf(ingest), Set.of(), 15_000).start("127.0.0.1", 0);
        base = "http://localhost:" + server.port();
        b = new Browser();
    }

    @AfterEach
    void stop() {
        b.close();
        server.close();
        ingest.close();
        acoustId.close();
        musicBrainz.close();
        acousticBrainz.close();
    }

    @Test
    void wizardImportsARealLibraryAndTheEditorSavesAMovedBoundary() {
        b.driver.get(base + "/");
        b.waitUntil(d -> d.findElement(By.id("folders")).getText().contains(RealLibrary.FOLDER + "/"));
        b.waitUntil(d -> !d.findElements(By.id("param-musicbrainz_base_url")).isEmpty());
        assertThat(b.find("param-musicbrainz_base_url").getAttribute("value"))
                .as("the wizard shows the server's override")
                .isEqualTo(musicBrainz.apiUrl());
        assertThat(b.text("acoustid-state")).isEqualTo("key configured");
        b.driver
                .findElement(By.xpath("//ul[@id='folders']//button[text()='" + RealLibrary.FOLDER + "/']"))
                .click();
        b.waitUntil(d -> d.findElement(By.id("folder")).getAttribute("value").equals(RealLibrary.FOLDER));
        b.screenshot("real-wizard");

        b.find("start").click();
        b.waitUntil(d -> d.getCurrentUrl().contains("/import-progress?session_id="));
        new WebDriverWait(b.driver, Duration.ofSeconds(120))
                .until(d -> d.findElement(By.id("state")).getText().equals("COMPLETED"));
        b.waitUntil(
                d -> !d.findElement(By.id("summary-link")).getAttribute("class").contains("hidden"));
        b.screenshot("real-import-progress-completed");
        assertThat(b.text("files")).startsWith("5 of 5 files");
        assertThat(b.text("imported")).isEqualTo("4");
        assertThat(b.text("failed")).isEqualTo("1");
        assertThat(b.text("passages")).isEqualTo("6");
        assertThat(b.text("accepted")).isEqualTo("5");
        assertThat(b.text("errors")).contains("library/singles/broken.flac");
        assertThat(b.driver.findElement(By.id("workers")).getText())
                .doesNotContain(" s")
                .contains("idle");
        String sessionId = b.driver.getCurrentUrl().replaceFirst(".*session_id=", "");
        JsonNode workers = json(httpGet("/import/status/" + sessionId)).path("workers");
        assertThat(workers).isNotEmpty().allSatisfy(w -> {
            assertThat(w.path("file_path").isNull()).isTrue();
            assertThat(w.path("elapsed_ms").isNull())
                    .as("an idle worker has no time on a file")
                    .isTrue();
        });

        b.find("summary-link").click();
        b.waitUntil(d -> d.findElement(By.id("imported")).getText().equals("4"));
        b.screenshot("real-import-complete");
        assertThat(b.text("title")).isEqualTo("Import complete");
        assertThat(b.text("found")).isEqualTo("5");
        assertThat(b.text("failed")).isEqualTo("1");
        assertThat(b.text("passages")).isEqualTo("6");
        Jdbi db = Jdbi.create("jdbc:sqlite:" + root.resolve("wkmp.db") + "?busy_timeout=5000");
        Map<String, Integer> decisions = db.withHandle(h -> h.createQuery(
                        "SELECT identification_decision d, count(*) n FROM passages GROUP BY identification_decision")
                .setMapKeyColumn("d")
                .setMapValueColumn("n")
                .collectInto(new GenericType<Map<String, Integer>>() {}));
        assertThat(decisions).containsEntry("ACCEPT", 5).containsEntry("REJECT", 1);
        Map.of("accepted", "ACCEPT", "review", "REVIEW", "rejected", "REJECT", "pending", "PENDING")
                .forEach((id, decision) ->
                        assertThat(b.text(id)).as(id).isEqualTo(String.valueOf(decisions.getOrDefault(decision, 0))));
        List<String> sideMbids = db.withHandle(h -> h.createQuery(
                        "SELECT p.recording_mbid FROM passages p JOIN files f ON f.guid = p.file_id"
                                + " WHERE f.path = :path AND p.identification_decision = 'ACCEPT' ORDER BY p.start_time_ticks")
                .bind("path", RealLibrary.SIDE)
                .mapTo(String.class)
                .list());
        assertThat(sideMbids).containsExactly(RealLibrary.rec(0), RealLibrary.rec(1), RealLibrary.rec(2));
        assertThat(acoustId.rateLimitViolations()
                        + musicBrainz.rateLimitViolations()
                        + acousticBrainz.rateLimitViolations())
                .isZero();

        EditorPage editor = new EditorPage(b, base, RealLibrary.SIDE);
        b.screenshot("real-segment-editor");
        List<Long> before = ticks(db, 0);
        List<Long> second = ticks(db, 1);
        System.out.printf("side passages before the drag: %s %s (seconds x %d)%n", before, second, S);
        double end = before.get(1) / (double) S;
        double target = end + 0.5;
        editor.drag(end, target, EditorPage.Band.BOUNDARY);
        assertThat(editor.seconds("t-0-end_time_ticks")).isCloseTo(target, within(0.1));
        b.find("save").click();
        b.waitUntil(d -> d.findElement(By.id("save-msg")).getText().startsWith("Saved"));
        b.screenshot("real-segment-editor-saved");
        assertThat(b.text("cursor"))
                .as("no cursor time once the pointer left the waveform")
                .doesNotContain("cursor at");
        List<Long> after = ticks(db, 0);
        assertThat(after.get(1) / (double) S).isCloseTo(target, within(0.1));
        assertThat(after.get(0)).isEqualTo(before.get(0));
        assertThat(ticks(db, 1)).isEqualTo(second);
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String httpGet(String path) {
        try {
            return HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** start, end of the side's passage {@code index} in time order. */
    private static List<Long> ticks(Jdbi db, int index) {
        return db.withHandle(h -> h.createQuery(
                        "SELECT p.start_time_ticks, p.end_time_ticks FROM passages p JOIN files f"
                                + " ON f.guid = p.file_id WHERE f.path = :path ORDER BY p.start_time_ticks LIMIT 1 OFFSET :i")
                .bind("path", RealLibrary.SIDE)
                .bind("i", index)
                .map((rs, c) -> List.of(rs.getLong(1), rs.getLong(2)))
                .one());
    }
}
