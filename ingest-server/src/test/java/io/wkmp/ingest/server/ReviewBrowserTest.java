package io.wkmp.ingest.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.wkmp.ingest.adapters.wiring.WkmpIngest;
import io.wkmp.ingest.core.identification.Decision;
import io.wkmp.ingest.core.library.ReviewPassage;
import io.wkmp.ingest.core.port.ImportSession;
import io.wkmp.ingest.core.review.Review;
import io.wkmp.ingest.core.review.ReviewFilter;
import io.wkmp.ingest.core.session.SessionState;
import io.wkmp.ingest.core.session.SessionStatus;
import io.wkmp.ingest.server.e2e.FakeWorld;
import io.wkmp.ingest.testkit.audio.EncodedFormat;
import io.wkmp.ingest.testkit.library.SynthLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * The review page in Chromium on the served wiring (real SQLite, ffmpeg, Chromaprint, the fake services over loopback
 * HTTP): an online import of 3 files whose tags each name another song's recording leaves 3 REVIEW passages, each
 * proposing the recording its fingerprint matches; the progress and summary pages link "3 passages need review"; the
 * person plays one (its range only), accepts the other candidate of one (its audio is also catalogued as a live
 * recording), chooses the tagged recording for another
 * and marks the last not identifiable; an online re-import of the same (touched) files keeps every decision.
 */
class ReviewBrowserTest {
    /** The first song's audio catalogued a second time: its REVIEW passage has two candidates. */
    private static final String LIVE = "99999999-9999-4999-8999-999999999999";

    @TempDir
    Path root;

    @TempDir
    Path work;

    FakeWorld fakes;
    WkmpIngest ingest;
    IngestServer server;
    Browser b;
    String base;
    Path music;

    @BeforeEach
    void start() {
        SynthLibrary.Builder library = SynthLibrary.builder(work.resolve("library"));
        for (int i = 0; i < 3; i++) {
            library.song(
                    i == 2 ? EncodedFormat.OGG : EncodedFormat.FLAC,
                    9_000 + 1_000 * i,
                    SynthLibrary.recording((i + 1) % 3));
            if (i == 0) {
                library.alsoRecordedAs(LIVE, "Song 1 (live)");
            }
        }
        SynthLibrary built = library.build();
        music = built.copyTo(root.resolve("music"));
        fakes = new FakeWorld(built.catalog());
        ingest = fakes.wiring(root).configFile(work.resolve("no-config.toml")).build();
        server = new IngestServer(ServeCommand.contextOf(ingest), Set.of(), 15_000).start("127.0.0.1", 0);
        base = "http://localhost:" + server.port();
        b = new Browser();
    }

    @AfterEach
    void stop() {
        b.close();
        server.close();
        ingest.close();
        fakes.close();
    }

    private String importOnline() throws InterruptedException {
        ImportSession s = ingest.start(music);
        SessionStatus done = s.await(Duration.ofMinutes(2));
        assertThat(done.state()).as("%s", done).isEqualTo(SessionState.COMPLETED);
        return s.id();
    }

    private List<ReviewPassage> needReview() {
        return new Review(ingest.store(), Clock.systemUTC()).list(ReviewFilter.needsAPerson());
    }

    private WebElement card(String passage) {
        return b.driver.findElement(By.cssSelector("section.passage[data-passage='" + passage + "']"));
    }

    /** The card's text; "" while the page replaces it (a decided passage's card is redrawn). */
    private String cardText(String passage) {
        try {
            return card(passage).getText();
        } catch (StaleElementReferenceException | NoSuchElementException e) {
            return "";
        }
    }

    @Test
    void fromThreeNeedReviewToAllDecidedAndAReimportKeepsTheDecisions() throws Exception {
        String session = importOnline();
        Map<Integer, String> passageOf = new TreeMap<>();
        for (ReviewPassage p : needReview()) {
            assertThat(p.decision()).isEqualTo(Decision.REVIEW);
            int song = Integer.parseInt(p.fileRelativePath().replaceFirst(".* Song (\\d+)\\..*", "$1")) - 1;
            assertThat(p.recordingMbid()).isEqualTo(SynthLibrary.recording(song));
            passageOf.put(song, p.guid());
        }
        assertThat(passageOf).hasSize(3);
        String reviewed = passageOf.get(0);
        String chosen = passageOf.get(1);
        String none = passageOf.get(2);
        String proposed = SynthLibrary.recording(0);
        // the person trusts song 2's tag (recording 2) over its fingerprint (recording 1)
        String tagged = SynthLibrary.recording(2);

        b.driver.get(base + "/import-progress?session_id=" + session);
        b.waitUntil(
                d -> !d.findElement(By.id("review-link")).getAttribute("class").contains("hidden"));
        assertThat(b.text("review-link")).isEqualTo("3 passages need review");
        assertThat(b.find("review-link").getAttribute("href")).endsWith("/review-passages?folder=music");
        b.driver.get(base + "/import-complete?session_id=" + session);
        b.waitUntil(
                d -> !d.findElement(By.id("review-link")).getAttribute("class").contains("hidden"));
        assertThat(b.text("review-link")).isEqualTo("3 passages need review");
        b.screenshot("review-summary-link");
        b.find("review-link").click();

        b.waitUntil(d -> d.findElements(By.cssSelector("section.passage")).size() == 3);
        assertThat(b.text("count")).isEqualTo("3");
        WebElement r = card(reviewed);
        assertThat(r.findElement(By.tagName("h2")).getText()).startsWith("REVIEW");
        assertThat(r.getText())
                .contains("fingerprint", "tags name recording " + SynthLibrary.recording(1), "not trusted", proposed)
                .contains("decision capped at REVIEW");
        b.screenshot("review-page");

        // listen before deciding: the passage's range (0 to 9 s of its file) plays from the audio route
        r.findElement(By.cssSelector("button.play")).click();
        b.waitUntil(d -> "true"
                .equals(card(reviewed)
                        .findElement(By.cssSelector("button.play"))
                        .getAttribute("data-playing")));
        String src = card(reviewed).findElement(By.tagName("audio")).getAttribute("src");
        assertThat(src)
                .startsWith(base + "/segments/audio?path=music%2FThe%20Synthesists")
                .endsWith("#t=0,9");

        // accept the other candidate: the same audio catalogued as the live recording
        assertThat(needReview().get(0).candidates())
                .extracting(c -> c.recordingMbid())
                .containsExactlyInAnyOrder(proposed, LIVE);
        assertThat(card(reviewed).getText()).contains("Song 1 (live)");
        card(reviewed)
                .findElement(By.xpath(
                        ".//tr[td[contains(., 'Song 1 (live)')]]//button[contains(@class, 'accept-candidate')]"))
                .click();
        b.waitUntil(d -> cardText(reviewed).contains("Decided by"));
        assertThat(card(reviewed).getText()).contains("accepted (" + LIVE + ")");
        b.waitUntil(d -> d.findElement(By.id("count")).getText().equals("2"));

        // a malformed id is refused beside the passage
        WebElement c = card(chosen);
        c.findElement(By.cssSelector("input.choose-mbid")).sendKeys("not-an-id");
        c.findElement(By.cssSelector("button.choose")).click();
        b.waitUntil(d -> d.findElement(By.id("err-" + chosen)).getText().contains("not a MusicBrainz recording id"));
        c.findElement(By.cssSelector("input.choose-mbid")).clear();
        c.findElement(By.cssSelector("input.choose-mbid")).sendKeys(tagged);
        c.findElement(By.cssSelector("button.choose")).click();
        b.waitUntil(d -> cardText(chosen).contains("recording chosen (" + tagged + ")"));

        card(none).findElement(By.cssSelector("button.unidentifiable")).click();
        b.waitUntil(d -> cardText(none).contains("not identifiable"));
        b.waitUntil(d -> d.findElement(By.id("count")).getText().equals("0"));
        b.screenshot("review-page-decided");

        // the same files imported again (touched, so imported anew): every decision stays
        try (Stream<Path> files = Files.walk(music)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(f, FileTime.from(Instant.now().plusSeconds(60)));
            }
        }
        String again = importOnline();
        assertThat(needReview())
                .as("identified again, online, and still decided")
                .isEmpty();
        b.driver.get(base + "/import-complete?session_id=" + again);
        b.waitUntil(d -> !d.findElement(By.id("imported")).getText().isEmpty());
        assertThat(b.text("imported")).isEqualTo("3");
        assertThat(b.find("review-link").getAttribute("class")).contains("hidden");

        b.driver.get(base + "/review-passages");
        b.waitUntil(d -> d.findElement(By.id("count")).getText().equals("0"));
        b.find("decided").click();
        b.driver
                .findElement(By.cssSelector("input[name=decision][value=ACCEPT]"))
                .click();
        b.driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
        b.waitUntil(d -> d.findElements(By.cssSelector("section.passage")).size() == 3);
        assertThat(card(reviewed).getText()).contains("accepted (" + LIVE + ")");
        assertThat(card(chosen).getText()).contains("recording chosen (" + tagged + ")");
        assertThat(card(none).getText()).contains("not identifiable");
    }
}
