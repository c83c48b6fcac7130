package io.wkmp.ingest.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.wkmp.ingest.adapters.wiring.WkmpIngest;
import io.wkmp.ingest.core.engine.ImportSession;
import io.wkmp.ingest.core.engine.SessionStatus;
import io.wkmp.ingest.core.identify.Candidate;
import io.wkmp.ingest.core.identify.Decision;
import io.wkmp.ingest.core.identify.EvidenceSummary;
import io.wkmp.ingest.core.identify.Identification;
import io.wkmp.ingest.core.library.IdentificationUpdate;
import io.wkmp.ingest.core.library.PendingPassage;
import io.wkmp.ingest.core.session.SessionState;
import io.wkmp.ingest.testkit.audio.EncodedFormat;
import io.wkmp.ingest.testkit.library.SynthLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The review page in Chromium on the served wiring (real SQLite, ffmpeg, Chromaprint): an offline import leaves 3
 * passages, one of which a later identification made REVIEW with two candidates; the progress and summary pages link "3
 * passages need review"; the person plays one, accepts the second candidate of the REVIEW passage, chooses a recording for one and
 * marks the last not identifiable; a re-import of the same (touched) files keeps every decision.
 */
class ReviewBrowserTest {
    private static final String PROPOSED = SynthLibrary.recording(0);
    private static final String OTHER = "99999999-9999-4999-8999-999999999999";
    private static final String CHOSEN = SynthLibrary.recording(2);

    @TempDir
    Path root;

    @TempDir
    Path work;

    WkmpIngest ingest;
    IngestServer server;
    Browser b;
    String base;
    Path music;

    @BeforeEach
    void start() {
        SynthLibrary library = SynthLibrary.builder(work.resolve("library"))
                .song(EncodedFormat.FLAC, 9_000)
                .song(EncodedFormat.FLAC, 10_000)
                .song(EncodedFormat.OGG, 11_000)
                .build();
        music = library.copyTo(root.resolve("music"));
        ingest = WkmpIngest.forRoot(root)
                .offline(true)
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
    }

    private String importOffline() throws InterruptedException {
        ImportSession s = ingest.start(music);
        SessionStatus done = s.await(Duration.ofMinutes(2));
        assertThat(done.state()).as("%s", done).isEqualTo(SessionState.COMPLETED);
        return s.id();
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
        String session = importOffline();
        List<PendingPassage> pending = ingest.store().passagesPendingIdentification();
        assertThat(pending).hasSize(3);
        String reviewed = pending.get(0).passageGuid();
        String chosen = pending.get(1).passageGuid();
        String none = pending.get(2).passageGuid();
        // what an online redo writes for a passage it is not sure of: REVIEW, the proposed recording, two candidates
        EvidenceSummary evidence = new EvidenceSummary(
                        0.5,
                        Double.NaN,
                        0.72,
                        0.72,
                        0.3,
                        0.9,
                        List.of(
                                new EvidenceSummary.Component("fingerprint", 0.5, 0.72, "AcoustID score 0.72"),
                                new EvidenceSummary.Component("metadata", 0.3, 0.3, "the title tag differs")),
                        List.of("a close competitor scores 0.70"))
                .withCandidates(List.of(
                        new Candidate(PROPOSED, "Song 0", null, 1, 0.72, 0.4),
                        new Candidate(OTHER, "Song 0 (live)", null, null, 0.70, -3.2)));
        ingest.store()
                .updateIdentifications(List.of(new IdentificationUpdate(
                        reviewed, new Identification(Decision.REVIEW, PROPOSED, 0.62, evidence), null, null, null)));

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
        assertThat(r.getText()).contains("fingerprint", "0.72", "the title tag differs", "Song 0 (live)", "-3.2");
        b.screenshot("review-page");

        // listen before deciding: the passage plays from the audio route
        r.findElement(By.cssSelector("button.play")).click();
        b.waitUntil(d -> "true"
                .equals(card(reviewed)
                        .findElement(By.cssSelector("button.play"))
                        .getAttribute("data-playing")));

        // accept the second candidate
        r.findElements(By.cssSelector("button.accept-candidate")).get(1).click();
        b.waitUntil(d -> cardText(reviewed).contains("Decided by"));
        assertThat(card(reviewed).getText()).contains("accepted (" + OTHER + ")");
        b.waitUntil(d -> d.findElement(By.id("count")).getText().equals("2"));

        // a malformed id is refused beside the passage
        WebElement c = card(chosen);
        c.findElement(By.cssSelector("input.choose-mbid")).sendKeys("not-an-id");
        c.findElement(By.cssSelector("button.choose")).click();
        b.waitUntil(d -> d.findElement(By.id("err-" + chosen)).getText().contains("not a MusicBrainz recording id"));
        c.findElement(By.cssSelector("input.choose-mbid")).clear();
        c.findElement(By.cssSelector("input.choose-mbid")).sendKeys(CHOSEN);
        c.findElement(By.cssSelector("button.choose")).click();
        b.waitUntil(d -> cardText(chosen).contains("recording chosen (" + CHOSEN + ")"));

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
        String again = importOffline();
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
        assertThat(card(reviewed).getText()).contains("accepted (" + OTHER + ")");
        assertThat(card(chosen).getText()).contains("recording chosen (" + CHOSEN + ")");
        assertThat(card(none).getText()).contains("not identifiable");
    }
}
