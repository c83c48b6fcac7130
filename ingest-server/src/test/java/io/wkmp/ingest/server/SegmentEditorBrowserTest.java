package io.wkmp.ingest.server;

import static io.wkmp.ingest.server.TestDatabase.S;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The segment editor in headless Chromium on a 9-second file with passages 0-4 s and 5-9 s (the second ends at the
 * file's end): markers on one spot, times as m:ss.mmm, errors beside their field, revert, zoom and scroll, 800 px.
 */
class SegmentEditorBrowserTest extends ServerBrowserTest {
    SegmentEditorBrowserTest() {
        super(0);
    }

    private static final String SIDE = "album/side_b.flac";
    private static final int START = 0, END = 1, LEAD_IN = 2, FADE_IN_START = 4;

    @BeforeEach
    void sideB() {
        TestAudio.write(root.resolve(SIDE), 1.0, 3.0, 4.0);
        f.db.addFile("f1", SIDE, 9.0, "Side", 0, 4, 5, 9);
    }

    @Test
    void theStartTakesTheLeadInAndFadeInOnItAlongAndMarkersOnOneSpotComeApart() {
        f.db.setTicks("f1-p1", "lead_in_start_ticks", 5 * S);
        f.db.setTicks("f1-p1", "fade_in_start_ticks", 5 * S);
        EditorPage editor = new EditorPage(b, f.base, SIDE);

        editor.drag(5.0, 5.5, EditorPage.Band.BOUNDARY);
        assertThat(editor.seconds("t-1-start_time_ticks")).isCloseTo(5.5, within(0.05));
        assertThat(b.find("t-1-lead_in_start_ticks").getAttribute("value"))
                .isEqualTo(b.find("t-1-start_time_ticks").getAttribute("value"));
        assertThat(b.find("t-1-fade_in_start_ticks").getAttribute("value"))
                .isEqualTo(b.find("t-1-start_time_ticks").getAttribute("value"));
        b.screenshot("segment-editor-start-dragged");
        save();
        List<Long> t = f.db.ticks("f1-p1");
        assertThat(t.get(START) / (double) S).isCloseTo(5.5, within(0.05));
        assertThat(t.get(LEAD_IN)).isEqualTo(t.get(START));
        assertThat(t.get(FADE_IN_START)).isEqualTo(t.get(START));

        // the three markers share a spot: the band the pointer is in takes one of them alone
        double at = t.get(START) / (double) S;
        editor.drag(at, 6.0, EditorPage.Band.FADE);
        assertThat(editor.seconds("t-1-fade_in_start_ticks")).isCloseTo(6.0, within(0.05));
        editor.drag(at, 6.5, EditorPage.Band.LEAD);
        assertThat(editor.seconds("t-1-lead_in_start_ticks")).isCloseTo(6.5, within(0.05));
        assertThat(editor.seconds("t-1-start_time_ticks")).isEqualTo(at, within(0.001));

        // the end of the last passage is the file's end, at the right edge of the waveform
        editor.drag(9.0, 8.7, EditorPage.Band.BOUNDARY);
        assertThat(editor.seconds("t-1-end_time_ticks")).isCloseTo(8.7, within(0.05));
        save();
        List<Long> moved = f.db.ticks("f1-p1");
        assertThat(moved.get(START)).isEqualTo(t.get(START));
        assertThat(moved.get(FADE_IN_START) / (double) S).isCloseTo(6.0, within(0.05));
        assertThat(moved.get(LEAD_IN) / (double) S).isCloseTo(6.5, within(0.05));
        assertThat(moved.get(END) / (double) S).isCloseTo(8.7, within(0.05));
    }

    @Test
    void timesAreMinutesSecondsMillisAndErrorsStandBesideTheirFieldInThoseUnits() {
        EditorPage editor = new EditorPage(b, f.base, SIDE);
        assertThat(b.find("t-1-start_time_ticks").getAttribute("value")).isEqualTo("0:05.000");
        assertThat(b.find("t-1-end_time_ticks").getAttribute("value")).isEqualTo("0:09.000");
        assertThat(b.find("t-1-lead_in_start_ticks").getAttribute("value")).isEqualTo("0:05.500");

        type("t-1-lead_in_start_ticks", "0:07.x");
        assertThat(b.text("e-1-lead_in_start_ticks")).startsWith("Not a time: use m:ss.mmm");
        type("t-1-lead_in_start_ticks", "0:04.250");
        assertThat(b.text("e-1-lead_in_start_ticks")).isEmpty();
        assertThat(b.text("dirty")).isEqualTo("unsaved changes");
        b.find("save").click();
        b.waitUntil(
                d -> !d.findElement(By.id("e-1-lead_in_start_ticks")).getText().isEmpty());
        assertThat(b.text("e-1-lead_in_start_ticks"))
                .isEqualTo("Lead-in (0:04.250) must not be before Start (0:05.000)")
                .doesNotContainPattern("\\d{5,}");
        assertThat(b.find("t-1-lead_in_start_ticks").getAttribute("class")).contains("invalid");
        assertThat(b.text("save-msg")).startsWith("Not saved: passage 2: Lead-in");
        b.screenshot("segment-editor-field-error");

        b.find("revert").click();
        assertThat(b.text("dirty")).as("at once").isEmpty();
        assertThat(b.find("t-1-lead_in_start_ticks").getAttribute("value")).isEqualTo("0:05.500");
        assertThat(b.text("e-1-lead_in_start_ticks")).isEmpty();
        assertThat(editor.seconds("t-0-end_time_ticks")).isEqualTo(4.0);
        assertThat(f.db.ticks("f1-p1").get(LEAD_IN)).isEqualTo(11 * S / 2);
    }

    @Test
    void zoomAndScrollShowPartOfTheFileInDetail() {
        EditorPage editor = new EditorPage(b, f.base, SIDE);
        assertThat(editor.waveView()).containsExactly(0, 9 * S);
        assertThat(b.text("view-range")).isEqualTo("0:00.000 – 0:09.000 (whole file)");

        b.find("zoom-in").click();
        b.find("zoom-in").click();
        b.waitUntil(d -> editor.waveView()[1] - editor.waveView()[0] < 3 * S);
        long[] view = editor.waveView();
        assertThat((view[1] - view[0]) / (double) S).isCloseTo(2.25, within(0.01));
        assertThat(b.text("view-range")).endsWith("(zoomed ×4.0)");
        b.screenshot("segment-editor-zoomed");
        // four times the detail: a 0.1 s move lands within 0.02 s
        editor.drag(4.0, 4.1, EditorPage.Band.BOUNDARY);
        assertThat(editor.seconds("t-0-end_time_ticks")).isCloseTo(4.1, within(0.02));

        WebElement scroll = b.find("scroll");
        scroll.sendKeys(Keys.END);
        b.waitUntil(d -> editor.waveView()[1] == 9 * S);
        assertThat(b.text("view-range")).contains("– 0:09.000");
        b.find("zoom-all").click();
        b.waitUntil(d -> editor.waveView()[0] == 0 && editor.waveView()[1] == 9 * S);
        assertThat(b.find("scroll").isEnabled()).isFalse();
    }

    @Test
    void theTimingTableFitsAnEightHundredPixelWindow() {
        b.driver.manage().window().setSize(new Dimension(800, 1000));
        new EditorPage(b, f.base, SIDE);
        b.screenshot("segment-editor-800px");
        Number scrollWidth = (Number) b.driver.executeScript("return document.documentElement.scrollWidth;");
        Number clientWidth = (Number) b.driver.executeScript("return document.documentElement.clientWidth;");
        assertThat(scrollWidth.intValue()).isLessThanOrEqualTo(clientWidth.intValue());
        WebElement panel = b.find("editor");
        WebElement last = b.find("t-1-fade_out_start_ticks");
        assertThat(last.getRect().getX() + last.getRect().getWidth())
                .as("the last time field inside the editor panel")
                .isLessThanOrEqualTo(panel.getRect().getX() + panel.getRect().getWidth());
        assertThat(b.find("play-1").getRect().getX()
                        + b.find("play-1").getRect().getWidth())
                .isLessThanOrEqualTo(panel.getRect().getX() + panel.getRect().getWidth());
    }

    private void type(String id, String text) {
        WebElement input = b.find(id);
        input.clear();
        input.sendKeys(text, Keys.TAB);
    }

    private void save() {
        b.find("save").click();
        b.waitUntil(d -> d.findElement(By.id("save-msg")).getText().startsWith("Saved")
                || d.findElement(By.id("save-msg")).getText().startsWith("Not saved"));
        assertThat(b.text("save-msg")).startsWith("Saved");
        assertThat(b.text("dirty")).isEmpty();
    }
}
