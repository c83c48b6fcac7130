package io.wkmp.ingest.server;

import static io.wkmp.ingest.server.TestDatabase.S;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/** The web UI in headless Chromium: wizard -> live progress (with a reload) -> summary; segment editor drag and save. */
class BrowserTest extends ServerBrowserTest {
    BrowserTest() {
        super(150);
    }

    private static final String SIDE = "album/side_a.flac";
    private static final String XSS = "<img src=x onerror=alert(1)>";

    @Test
    void wizardStartsAnImportWhoseProgressSurvivesAReloadAndEndsInASummary() {
        f.library("music", 8, "corrupt.wav");
        b.driver.get(f.base + "/");
        b.waitUntil(d -> !d.findElements(By.id("param-silence_threshold_dbfs")).isEmpty());
        b.waitUntil(d -> d.findElement(By.id("folders")).getText().contains("music/"));
        assertThat(b.text("acoustid-state")).isEqualTo("no key set");
        b.driver
                .findElement(By.xpath("//ul[@id='folders']//button[text()='music/']"))
                .click();
        b.waitUntil(d -> d.findElement(By.id("folder")).getAttribute("value").equals("music"));

        b.driver.findElement(By.cssSelector("#advanced > summary")).click();
        WebElement silence = b.find("param-silence_threshold_dbfs");
        silence.clear();
        silence.sendKeys("12");
        b.find("param-rms_window_ms").click();
        b.waitUntil(d -> d.findElement(By.id("group-msg-passages")).getText().contains("[-100, 0]"));
        assertThat(silence.getAttribute("class")).contains("invalid");
        b.screenshot("wizard-invalid-parameter");
        silence.clear();
        silence.sendKeys("-55");
        b.find("param-rms_window_ms").click();
        b.waitUntil(d -> d.findElement(By.id("group-msg-passages")).getText().isEmpty());
        b.screenshot("wizard");

        b.find("start").click();
        b.waitUntil(d -> d.getCurrentUrl().contains("/import-progress?session_id="));
        b.waitUntil(d -> d.findElement(By.id("state")).getText().equals("PROCESSING"));
        b.screenshot("import-progress-running");
        b.driver.navigate().refresh();
        b.waitUntil(d -> d.findElement(By.id("state")).getText().equals("COMPLETED"));
        assertThat(b.text("files")).startsWith("9 of 9 files");
        assertThat(b.text("imported")).isEqualTo("8");
        assertThat(b.text("failed")).isEqualTo("1");
        assertThat(b.text("passages")).isEqualTo("8");
        assertThat(b.text("errors")).contains("DECODE_ERROR").contains("music/corrupt.wav");
        assertThat(b.find("cancel").isEnabled()).isFalse();
        b.screenshot("import-progress-completed");

        b.find("summary-link").click();
        b.waitUntil(d -> d.findElement(By.id("imported")).getText().equals("8"));
        assertThat(b.text("title")).isEqualTo("Import complete");
        assertThat(b.text("failed")).isEqualTo("1");
        assertThat(b.find("wkmp-ui").getAttribute("href")).isEqualTo("http://localhost:5720/");
        b.screenshot("import-complete");
    }

    @Test
    void segmentEditorMovesABoundaryAndSavesTicks() {
        TestAudio.write(root.resolve(SIDE), 1.0, 2.0, 2.0, 2.0);
        f.db.addFile("f1", SIDE, 9.0, XSS, 0, 2, 3, 5, 6, 8);
        EditorPage editor = new EditorPage(b, f.base, SIDE);
        assertThat(b.text("d-title")).isEqualTo(XSS + " 1");
        assertThat(b.text("d-decision")).isEqualTo("REVIEW");
        assertThatThrownBy(() -> b.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        b.screenshot("segment-editor");

        editor.drag(2.0, 2.5, EditorPage.Band.BOUNDARY);
        assertThat(editor.seconds("t-0-end_time_ticks")).isCloseTo(2.5, within(0.05));
        b.find("save").click();
        b.waitUntil(d -> d.findElement(By.id("save-msg")).getText().startsWith("Saved"));
        long end = f.db.ticks("f1-p0").get(1);
        assertThat(end / (double) S).isCloseTo(2.5, within(0.05));
        assertThat(f.db.ticks("f1-p0").get(0)).isZero();
        assertThat(f.db.ticks("f1-p1").get(0)).isEqualTo(3 * S);
        b.screenshot("segment-editor-saved");

        editor.drag(end / (double) S, 3.6, EditorPage.Band.BOUNDARY);
        b.find("save").click();
        b.waitUntil(d -> d.findElement(By.id("save-msg")).getText().startsWith("Not saved"));
        assertThat(b.text("save-msg")).contains("must not overlap");
        assertThat(b.text("e-0-end_time_ticks"))
                .as("the message beside the field")
                .contains("must not overlap");
        assertThat(f.db.ticks("f1-p0").get(1)).isEqualTo(end);
        b.screenshot("segment-editor-refused");
    }
}
