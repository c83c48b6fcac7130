package io.wkmp.ingest.server;

import static io.wkmp.ingest.server.HttpSupport.reply;
import static org.assertj.core.api.Assertions.assertThat;

import io.wkmp.ingest.core.port.ImportSession;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The progress page in headless Chromium: its connection through file problems, its numbers, an unknown session. */
class ProgressPageBrowserTest extends ServerBrowserTest {
    ProgressPageBrowserTest() {
        super(50);
    }

    @BeforeEach
    void record() {
        b.recordConnection();
    }

    @Test
    void thePageStaysLiveThroughAnImportWithSkippedFiles() throws Exception {
        // sorted: the two corrupt files are skipped first, then needs-key pauses the session until the page answers,
        // so the page connects while the session runs and receives both problems on its stream
        f.library("music", 3, "corrupt_a.wav", "corrupt_b.wav", "needs-key.wav");
        String id = startImport("music");
        b.driver.get(f.base + "/import-progress?session_id=" + id);
        b.waitUntil(d -> d.findElement(By.id("state")).getText().equals("PAUSED"));
        b.waitUntil(d -> d.findElement(By.id("errors")).getText().contains("music/corrupt_b.wav"));
        b.waitUntil(d -> d.findElement(By.id("connection")).getText().equals("live"));
        b.screenshot("import-progress-paused");
        b.find("pause-skip").click();
        b.waitUntil(d -> d.findElement(By.id("state")).getText().equals("COMPLETED"));

        assertThat(b.text("errors")).contains("music/corrupt_a.wav").contains("music/corrupt_b.wav");
        @SuppressWarnings("unchecked")
        List<String> connection = (List<String>) b.recorded("connection");
        assertThat(connection)
                .as("what the page said about its connection")
                .contains("live")
                .noneMatch(t -> t.contains("reconnecting"));
        assertThat(b.text("connection")).isEqualTo("Import completed.");
        assertThat((Long) b.recorded("eventSources")).isEqualTo(1);
    }

    @Test
    void theNumbersAddUpOfflineAndForARunOfUnchangedFiles() throws Exception {
        f.library("music", 3, "corrupt.wav");
        String first = startImport("music");
        f.engine.session(first).orElseThrow().await(Duration.ofSeconds(30));
        b.driver.get(f.base + "/import-progress?session_id=" + first);
        b.waitUntil(d -> d.findElement(By.id("state")).getText().equals("COMPLETED"));
        assertThat(b.text("files")).startsWith("4 of 4 files done (100.0 %)");
        assertThat(b.text("imported")).isEqualTo("3");
        assertThat(b.text("unchanged")).isEqualTo("0");
        assertThat(b.text("failed")).isEqualTo("1");
        assertThat(b.text("passages")).isEqualTo("3");
        assertThat(b.text("pending"))
                .as("passages left pending by an offline import")
                .isEqualTo("3");
        assertThat(b.text("accepted")).isEqualTo("0");
        assertThat(b.text("still-pending")).startsWith("3 passage(s) of this folder still wait");
        assertThat(Double.parseDouble(b.text("rate"))).isGreaterThan(0);

        String second = startImport("music");
        ImportSession again = f.engine.session(second).orElseThrow();
        again.await(Duration.ofSeconds(30));
        b.driver.get(f.base + "/import-progress?session_id=" + second);
        b.waitUntil(d -> d.findElement(By.id("state")).getText().equals("COMPLETED"));
        b.screenshot("import-progress-unchanged");
        assertThat(b.text("files")).startsWith("4 of 4 files done");
        assertThat(b.text("imported")).isEqualTo("0");
        assertThat(b.text("unchanged")).isEqualTo("3");
        assertThat(b.text("failed")).isEqualTo("1");
        assertThat(b.text("rate"))
                .as("files per second of a run of unchanged files")
                .isNotEqualTo("0.00");
        assertThat(Double.parseDouble(b.text("rate"))).isGreaterThan(0);
    }

    @Test
    void anUnknownSessionSaysSoStopsAndCannotBeCancelled() {
        b.driver.get(f.base + "/import-progress?session_id=no-such-session");
        b.waitUntil(d -> d.findElement(By.id("msg")).getText().contains("knows no import session no-such-session"));
        assertThat(b.find("cancel").isEnabled()).isFalse();
        assertThat(b.find("start-link").isDisplayed()).isTrue();
        assertThat((Long) b.recorded("eventSources"))
                .as("no event stream (whose failure would start polling)")
                .isZero();
        assertThat((Long) b.recorded("statusFetches")).isEqualTo(1);
        b.screenshot("import-progress-unknown-session");
    }

    private String startImport(String folder) {
        HttpSupport.Reply r;
        try {
            r = reply(f.post("/import/start", "{\"folder\":\"" + folder + "\"}"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(r.status()).as(r.text()).isEqualTo(202);
        return r.body().path("session_id").asText();
    }
}
