package io.wkmp.ingest.server;

import static io.wkmp.ingest.server.TestDatabase.S;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The segment editor page of one file in a {@link Browser}: its times (m:ss.mmm) and dragging its markers. */
final class EditorPage {
    /** The waveform leaves this many CSS pixels left and right of the part in view (segment-editor.js PAD_CSS). */
    private static final int PAD = 12;

    private static final Pattern TIME = Pattern.compile("(?:(\\d+):)?(\\d+):(\\d{2})\\.(\\d{3})");

    /** The band of the waveform where a kind of marker has its handle. */
    enum Band {
        BOUNDARY,
        LEAD,
        FADE
    }

    private final Browser b;

    EditorPage(Browser b, String base, String path) {
        this.b = b;
        b.driver.get(base + "/segment-editor?path=" + path);
        b.waitUntil(d -> "true".equals(d.findElement(By.id("canvas-wrap")).getAttribute("data-ready")));
    }

    /** Seconds shown in a time field (m:ss.mmm or h:mm:ss.mmm; anything else fails the test). */
    double seconds(String inputId) {
        return parse(b.find(inputId).getAttribute("value"));
    }

    static double parse(String text) {
        Matcher m = TIME.matcher(text);
        if (!m.matches()) {
            throw new AssertionError("'" + text + "' is not a time as m:ss.mmm");
        }
        long h = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        return h * 3600
                + Long.parseLong(m.group(2)) * 60
                + Long.parseLong(m.group(3))
                + Long.parseLong(m.group(4)) / 1000.0;
    }

    /** The ticks of the waveform shown now: {start, end}. */
    long[] waveView() {
        String[] v = b.find("canvas-wrap").getAttribute("data-wave").split("-");
        return new long[] {Long.parseLong(v[0]), Long.parseLong(v[1])};
    }

    /** Drags what is at {@code fromSeconds} in {@code band} to {@code toSeconds}. */
    void drag(double fromSeconds, double toSeconds, Band band) {
        WebElement canvas = b.find("waveform");
        Rectangle r = canvas.getRect();
        int y = (int) Math.round((band.ordinal() + 0.5) * r.getHeight() / 3.0 - r.getHeight() / 2.0);
        int from = x(r, fromSeconds), to = x(r, toSeconds);
        new Actions(b.driver)
                .moveToElement(canvas, from, y)
                .clickAndHold()
                .moveToElement(canvas, (from + to) / 2, y)
                .moveToElement(canvas, to, y)
                .release()
                .perform();
    }

    /** The offset from the canvas's centre of the pixel showing {@code seconds} in the current view. */
    private int x(Rectangle r, double seconds) {
        long[] v = waveView();
        double inner = r.getWidth() - 2.0 * PAD;
        double px = PAD + (seconds * S - v[0]) / (double) (v[1] - v[0]) * inner;
        return (int) Math.round(px - r.getWidth() / 2.0);
    }
}
