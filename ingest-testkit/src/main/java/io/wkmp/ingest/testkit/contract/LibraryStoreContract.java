package io.wkmp.ingest.testkit.contract;

import static io.wkmp.ingest.testkit.contract.StoreFixtures.MTIME;
import static io.wkmp.ingest.testkit.contract.StoreFixtures.decided;
import static io.wkmp.ingest.testkit.contract.StoreFixtures.duplicate;
import static io.wkmp.ingest.testkit.contract.StoreFixtures.identification;
import static io.wkmp.ingest.testkit.contract.StoreFixtures.pending;
import static io.wkmp.ingest.testkit.contract.StoreFixtures.recording;
import static io.wkmp.ingest.testkit.contract.StoreFixtures.recordingMbid;
import static io.wkmp.ingest.testkit.contract.StoreFixtures.release;
import static io.wkmp.ingest.testkit.contract.StoreFixtures.timing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wkmp.ingest.core.identify.Decision;
import io.wkmp.ingest.core.library.FileStatus;
import io.wkmp.ingest.core.library.IdentificationUpdate;
import io.wkmp.ingest.core.library.KnownFile;
import io.wkmp.ingest.core.library.PendingPassage;
import io.wkmp.ingest.core.port.LibraryStore;
import io.wkmp.ingest.core.port.ResponseCache;
import io.wkmp.ingest.core.review.ReviewPassage;
import io.wkmp.ingest.core.review.UserDecision;
import io.wkmp.ingest.core.session.SessionRecord;
import io.wkmp.ingest.core.session.SessionState;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LibraryStore} promises the import, the pending redo and the review (the port's javadoc), as
 * tests: extend it with a fresh, empty store per test. The SQLite store and the in-memory fake both run it, so a
 * test that passes against the fake says something about the real database.
 */
public abstract class LibraryStoreContract {
    private static final Set<Decision> ALL =
            EnumSet.of(Decision.ACCEPT, Decision.REVIEW, Decision.REJECT, Decision.PENDING);
    private static final Instant DECIDED_AT = Instant.parse("2026-12-07T18:00:00Z");

    /** The store under test. */
    protected LibraryStore store;

    /** A new, empty store. */
    protected abstract LibraryStore newStore() throws Exception;

    /** The session history as stored: session id to its state's name. */
    protected abstract Map<String, String> sessionStates() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = newStore();
    }

    @AfterEach
    void closeStore() throws Exception {
        if (store instanceof AutoCloseable c) {
            c.close();
        }
    }

    @Test
    void aWrittenFileIsKnownWithItsSizeTimeAndStatusAndIsNotImportedAgainUnchanged() {
        store.write(List.of(decided("a/one.flac", "sha-1", 2, Decision.ACCEPT)));

        KnownFile known = store.knownFiles().get("a/one.flac");
        assertThat(known).isNotNull();
        assertThat(known.guid()).isNotBlank();
        assertThat(known.sha256()).isEqualTo("sha-1");
        assertThat(known.status()).isEqualTo(FileStatus.INGEST_COMPLETE);
        assertThat(known.sameAs(known.sizeBytes(), MTIME)).isTrue();
        assertThat(known.sameAs(known.sizeBytes(), MTIME.plusMillis(1))).isFalse();
        assertThat(known.sameAs(known.sizeBytes() + 1, MTIME)).isFalse();
        assertThat(store.knownFiles()).containsOnlyKeys("a/one.flac");
    }

    @Test
    void writingAFileAgainReplacesItsResultAndKeepsItsGuid() {
        store.write(List.of(pending("a/one.flac", "sha-1", 3)));
        String guid = store.knownFiles().get("a/one.flac").guid();

        store.write(List.of(decided("a/one.flac", "sha-2", 2, Decision.REVIEW)));

        KnownFile known = store.knownFiles().get("a/one.flac");
        assertThat(known.guid()).isEqualTo(guid);
        assertThat(known.sha256()).isEqualTo("sha-2");
        assertThat(store.passagesPendingIdentification()).isEmpty();
        assertThat(store.passagesForReview(ALL, ""))
                .extracting(ReviewPassage::decision)
                .containsExactly(Decision.REVIEW, Decision.REVIEW);
    }

    @Test
    void aHashIsClaimedOnlyByACompleteFile() {
        store.write(List.of(
                decided("a/one.flac", "sha-1", 1, Decision.ACCEPT), duplicate("b/copy.flac", "sha-1", "a/one.flac")));

        assertThat(store.findCompleteByHash("sha-1"))
                .map(KnownFile::relativePath)
                .contains("a/one.flac");
        assertThat(store.findCompleteByHash("sha-unknown")).isEmpty();
        assertThat(store.knownFiles().get("b/copy.flac").status()).isEqualTo(FileStatus.DUPLICATE_HASH);

        store.write(List.of(duplicate("c/alone.flac", "sha-3", "gone.flac")));
        assertThat(store.findCompleteByHash("sha-3")).isEmpty();
    }

    @Test
    void removedFilesTakeTheirPassagesWithThem() {
        store.write(List.of(pending("a/one.flac", "sha-1", 2), pending("b/two.flac", "sha-2", 1)));

        store.removeFiles(List.of("a/one.flac"));

        assertThat(store.knownFiles()).containsOnlyKeys("b/two.flac");
        assertThat(store.passagesPendingIdentification())
                .extracting(PendingPassage::fileRelativePath)
                .containsExactly("b/two.flac");
        assertThat(store.passagesForReview(ALL, ""))
                .extracting(ReviewPassage::fileRelativePath)
                .containsExactly("b/two.flac");
    }

    @Test
    void pendingPassagesComeInFileAndTimeOrderWithWhatTheRedoNeeds() {
        store.write(List.of(pending("b/two.flac", "sha-2", 1)));
        store.write(List.of(pending("a/one.flac", "sha-1", 2), decided("a/done.flac", "sha-3", 1, Decision.ACCEPT)));

        List<PendingPassage> all = store.passagesPendingIdentification();
        assertThat(all)
                .extracting(p -> p.fileRelativePath() + "#" + p.passageIndex() + "/" + p.passageCount())
                .containsExactly("a/one.flac#0/2", "a/one.flac#1/2", "b/two.flac#0/1");
        PendingPassage second = all.get(1);
        assertThat(second.timing()).isEqualTo(timing(1));
        assertThat(second.fingerprint()).isEqualTo("AQAAfpa/one.flac1");
        assertThat(List.of(second.title(), second.artist(), second.album()))
                .containsExactly("Title 1", "Artist 1", "Album of a/one.flac");
        assertThat(second.tags()).isEqualTo(StoreFixtures.tags("a/one.flac"));
        assertThat(all).extracting(PendingPassage::passageGuid).doesNotHaveDuplicates();

        assertThat(store.passagesPendingIdentification("a/")).hasSize(2);
        assertThat(store.passagesPendingIdentification("c/")).isEmpty();
        assertThat(store.countPendingIdentification("a/")).isEqualTo(2);
        assertThat(store.countPendingIdentification("")).isEqualTo(3);
    }

    @Test
    void anUpdatedIdentificationIsNoLongerPendingAndShowsInTheReview() {
        store.write(List.of(pending("a/one.flac", "sha-1", 2)));
        PendingPassage first = store.passagesPendingIdentification().get(0);
        String mbid = recordingMbid("a/one.flac", 0);

        store.updateIdentifications(List.of(new IdentificationUpdate(
                first.passageGuid(),
                identification(Decision.REVIEW, mbid),
                recording("a/one.flac", 0),
                release(recording("a/one.flac", 0)),
                null)));

        assertThat(store.passagesPendingIdentification())
                .extracting(PendingPassage::passageIndex)
                .containsExactly(1);
        ReviewPassage p = store.passageForReview(first.passageGuid()).orElseThrow();
        assertThat(p.decision()).isEqualTo(Decision.REVIEW);
        assertThat(p.recordingMbid()).isEqualTo(mbid);
        assertThat(p.confidence()).isEqualTo(0.75);
        assertThat(p.breakdown()).extracting(c -> c.name()).containsExactly("fingerprint", "strong_fingerprint");
        assertThat(p.reasons()).containsExactly("decided REVIEW");
        assertThat(p.userDecision()).isNull();
    }

    @Test
    void theReviewListsPassagesByDecisionAndFolderInFileAndTimeOrder() {
        store.write(List.of(decided("b/two.flac", "sha-2", 1, Decision.REVIEW)));
        store.write(List.of(
                decided("a/one.flac", "sha-1", 2, Decision.REVIEW), decided("a/ok.flac", "sha-3", 1, Decision.ACCEPT)));

        assertThat(store.passagesForReview(EnumSet.of(Decision.REVIEW), ""))
                .extracting(p -> p.fileRelativePath() + "@" + p.timing().start())
                .containsExactly(
                        "a/one.flac@" + timing(0).start(),
                        "a/one.flac@" + timing(1).start(),
                        "b/two.flac@0");
        assertThat(store.passagesForReview(EnumSet.of(Decision.REVIEW), "b/"))
                .extracting(ReviewPassage::fileRelativePath)
                .containsExactly("b/two.flac");
        assertThat(store.passagesForReview(EnumSet.of(Decision.ACCEPT), ""))
                .extracting(ReviewPassage::fileRelativePath)
                .containsExactly("a/ok.flac");
        assertThat(store.passagesForReview(EnumSet.noneOf(Decision.class), "")).isEmpty();
        ReviewPassage one =
                store.passagesForReview(EnumSet.of(Decision.REVIEW), "a/").get(0);
        assertThat(store.passageForReview(one.guid())).contains(one);
        assertThat(one.tags()).isEqualTo(StoreFixtures.tags("a/one.flac"));
        assertThat(store.passageForReview("no-such-passage")).isEmpty();
    }

    @Test
    void aPersonsDecisionIsStoredAndTheRedoNeverReplacesIt() {
        store.write(List.of(decided("a/one.flac", "sha-1", 1, Decision.REVIEW)));
        String guid = store.passagesForReview(ALL, "").get(0).guid();
        UserDecision chosen = new UserDecision(UserDecision.Action.CHOOSE, "rec-chosen", "ann", DECIDED_AT);

        store.recordUserDecision(guid, chosen);
        store.updateIdentifications(
                List.of(new IdentificationUpdate(guid, identification(Decision.REJECT, null), null, null, null)));

        ReviewPassage p = store.passageForReview(guid).orElseThrow();
        assertThat(p.decision()).isEqualTo(Decision.ACCEPT);
        assertThat(p.recordingMbid()).isEqualTo("rec-chosen");
        assertThat(p.userDecision()).isEqualTo(chosen);

        UserDecision none = new UserDecision(UserDecision.Action.UNIDENTIFIABLE, null, "bob", DECIDED_AT);
        store.recordUserDecision(guid, none);
        assertThat(store.passageForReview(guid).orElseThrow().decision()).isEqualTo(Decision.REJECT);
        assertThat(store.passageForReview(guid).orElseThrow().recordingMbid()).isNull();

        assertThatThrownBy(() -> store.recordUserDecision("no-such-passage", chosen))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aReimportOfTheSameContentKeepsTheDecisionAChangedFileAsksAgain() {
        store.write(List.of(decided("a/one.flac", "sha-1", 1, Decision.REVIEW)));
        String guid = store.passagesForReview(ALL, "").get(0).guid();
        UserDecision accepted =
                new UserDecision(UserDecision.Action.ACCEPT, recordingMbid("a/one.flac", 0), "ann", DECIDED_AT);
        store.recordUserDecision(guid, accepted);

        store.write(List.of(decided("a/one.flac", "sha-1", 1, Decision.REVIEW)));
        assertThat(store.passagesForReview(ALL, ""))
                .extracting(ReviewPassage::userDecision)
                .containsExactly(accepted);

        store.write(List.of(decided("a/one.flac", "sha-changed", 1, Decision.REVIEW)));
        List<ReviewPassage> after = store.passagesForReview(ALL, "");
        assertThat(after).extracting(ReviewPassage::userDecision).containsOnlyNulls();
        assertThat(after).extracting(ReviewPassage::decision).containsExactly(Decision.REVIEW);
    }

    @Test
    void theHistoryKeepsOneRowPerSessionWithItsLatestState() throws Exception {
        Instant start = Instant.parse("2026-12-07T17:00:00Z");
        store.recordSession(session("s-1", SessionState.SCANNING, start, null));
        store.recordSession(session("s-2", SessionState.SCANNING, start, null));
        store.recordSession(session("s-1", SessionState.COMPLETED, start, start.plusSeconds(60)));

        assertThat(sessionStates()).containsExactlyInAnyOrderEntriesOf(Map.of("s-1", "COMPLETED", "s-2", "SCANNING"));
    }

    @Test
    void theResponseCachesKeepTheLastValuePerKindAndKey() {
        assertThat(store.get(ResponseCache.Kind.ACOUSTID, "fp-1")).isEmpty();

        store.put(ResponseCache.Kind.ACOUSTID, "fp-1", "{\"results\":[]}");
        store.put(ResponseCache.Kind.MUSICBRAINZ, "fp-1", "{\"id\":\"x\"}");
        store.put(ResponseCache.Kind.ACOUSTID, "fp-1", "{\"results\":[1]}");

        assertThat(store.get(ResponseCache.Kind.ACOUSTID, "fp-1")).contains("{\"results\":[1]}");
        assertThat(store.get(ResponseCache.Kind.MUSICBRAINZ, "fp-1")).contains("{\"id\":\"x\"}");
        assertThat(store.get(ResponseCache.Kind.ACOUSTICBRAINZ, "fp-1")).isEmpty();
        assertThat(store.get(ResponseCache.Kind.ACOUSTID, "fp-2")).isEmpty();
    }

    private static SessionRecord session(String id, SessionState state, Instant start, Instant end) {
        return new SessionRecord(
                id,
                state,
                "/music",
                Map.of("silence_threshold_dbfs", "-60"),
                3,
                1,
                0,
                2,
                "scanning",
                List.of(),
                start,
                end);
    }
}
