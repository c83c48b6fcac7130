package io.wkmp.ingest.adapters.e2e;

import static io.wkmp.ingest.adapters.e2e.E2eAlbum.TRACKS;
import static org.assertj.core.api.Assertions.assertThat;

import io.wkmp.ingest.adapters.wiring.WkmpIngest;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.ImportIssue;
import io.wkmp.ingest.core.port.ImportSession;
import io.wkmp.ingest.core.session.SessionState;
import io.wkmp.ingest.core.session.SessionStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Spec AIA-SEC-030 through the real import: AcoustID refuses the configured key (error code 4 from the fake), the
 * session PAUSES; a refused new key keeps it paused; a valid one (checked by a test call) resumes it and the album
 * is identified; or the user skips AcoustID and the passages stay PENDING for a later run.
 */
class AcoustIdKeyPromptE2eTest extends E2eBase {
    private static final Duration WAIT = Duration.ofSeconds(120);

    @Test
    void aRefusedKeyPausesTheImportUntilAValidKeyIsEnteredThenTheAlbumIsIdentified() throws Exception {
        Path folder = root.resolve("The Synthesists/Waveforms");
        album.writeFolder(folder);
        try (WkmpIngest ingest = fakes.online(root).acoustIdKey("revoked-key").build()) {
            ImportSession session = ingest.start(folder);
            awaitState(session, SessionState.PAUSED);
            assertThat(session.status().pauseReason()).contains("AcoustID refused the API key");

            assertThat(session.provideAcoustIdKey("another-wrong-key"))
                    .as("a refused key is not taken")
                    .isFalse();
            Thread.sleep(300);
            assertThat(session.status().state()).isEqualTo(SessionState.PAUSED);

            assertThat(session.provideAcoustIdKey(Fakes.KEY)).isTrue();
            SessionStatus done = session.await(WAIT);
            assertThat(done.state()).isEqualTo(SessionState.COMPLETED);
            assertThat(done.accepted()).isEqualTo(TRACKS);
            assertThat(done.issues()).extracting(ImportIssue::code).contains(ErrorCode.ACOUSTID_INVALID_KEY);
        }
        Imports.assertAlbumIdentified(root);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + root.resolve("wkmp.db"));
                ResultSet rs =
                        c.createStatement().executeQuery("SELECT value FROM settings WHERE key = 'acoustid_api_key'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).as("the accepted key is remembered").isEqualTo(Fakes.KEY);
        }
        assertThat(fakes.acoustId.rateLimitViolations() + fakes.musicBrainz.rateLimitViolations())
                .isZero();
    }

    @Test
    void skippingAcoustIdFinishesTheImportWithIdentificationPending() throws Exception {
        Path folder = root.resolve("The Synthesists/Waveforms");
        album.writeFolder(folder);
        try (WkmpIngest ingest = fakes.online(root).acoustIdKey("revoked-key").build()) {
            ImportSession session = ingest.start(folder);
            awaitState(session, SessionState.PAUSED);
            session.skipAcoustId();
            SessionStatus done = session.await(WAIT);
            assertThat(done.state()).isEqualTo(SessionState.COMPLETED);
            assertThat(done.filesImported()).isEqualTo(TRACKS);
            assertThat(done.pending()).isEqualTo(TRACKS);
            assertThat(done.issues())
                    .filteredOn(i -> i.code() == ErrorCode.ACOUSTID_INVALID_KEY)
                    .anySatisfy(i -> assertThat(i.message()).contains("pending until a later run"));
        }
    }

    private static void awaitState(ImportSession session, SessionState state) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (session.status().state() != state) {
            assertThat(System.nanoTime())
                    .as("waiting for %s, now %s", state, session.status())
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
