package io.wkmp.ingest.testkit.contract;

import static io.wkmp.ingest.testkit.contract.StoreFixtures.decided;
import static io.wkmp.ingest.testkit.contract.StoreFixtures.identification;
import static io.wkmp.ingest.testkit.contract.StoreFixtures.pending;
import static io.wkmp.ingest.testkit.contract.StoreFixtures.recording;
import static io.wkmp.ingest.testkit.contract.StoreFixtures.recordingMbid;
import static io.wkmp.ingest.testkit.contract.StoreFixtures.release;
import static io.wkmp.ingest.testkit.contract.StoreFixtures.timing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wkmp.ingest.core.identification.Decision;
import io.wkmp.ingest.core.library.IdentificationUpdate;
import io.wkmp.ingest.core.library.PendingPassage;
import io.wkmp.ingest.core.library.ReviewPassage;
import io.wkmp.ingest.core.library.UserDecision;
import io.wkmp.ingest.core.port.LibraryStore;
import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * The part of {@link LibraryStoreContract} about passages: the PENDING ones the redo reads, identification updates,
 * the review's lists and a person's decisions, which the redo and a re-import of the same content keep.
 */
public interface PassageRecordsContract {
    /** The store under test. */
    LibraryStore store();

    @Test
    default void pendingPassagesComeInFileAndTimeOrderWithWhatTheRedoNeeds() {
        store().write(List.of(pending("b/two.flac", "sha-2", 1)));
        store().write(List.of(pending("a/one.flac", "sha-1", 2), decided("a/done.flac", "sha-3", 1, Decision.ACCEPT)));

        List<PendingPassage> all = store().passagesPendingIdentification("");
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

        assertThat(store().passagesPendingIdentification("a/")).hasSize(2);
        assertThat(store().passagesPendingIdentification("c/")).isEmpty();
        assertThat(store().countPendingIdentification("a/")).isEqualTo(2);
        assertThat(store().countPendingIdentification("")).isEqualTo(3);
    }

    @Test
    default void anUpdatedIdentificationIsNoLongerPendingAndShowsInTheReview() {
        store().write(List.of(pending("a/one.flac", "sha-1", 2)));
        PendingPassage first = store().passagesPendingIdentification("").get(0);
        String mbid = recordingMbid("a/one.flac", 0);

        store().updateIdentifications(List.of(new IdentificationUpdate(
                first.passageGuid(),
                identification(Decision.REVIEW, mbid),
                recording("a/one.flac", 0),
                release(recording("a/one.flac", 0)),
                null)));

        assertThat(store().passagesPendingIdentification(""))
                .extracting(PendingPassage::passageIndex)
                .containsExactly(1);
        ReviewPassage p = store().passageForReview(first.passageGuid()).orElseThrow();
        assertThat(p.decision()).isEqualTo(Decision.REVIEW);
        assertThat(p.recordingMbid()).isEqualTo(mbid);
        assertThat(p.confidence()).isEqualTo(0.75);
        assertThat(p.breakdown()).extracting(c -> c.name()).containsExactly("fingerprint", "strong_fingerprint");
        assertThat(p.reasons()).containsExactly("decided REVIEW");
        assertThat(p.userDecision()).isNull();
    }

    @Test
    default void theReviewListsPassagesByDecisionAndFolderInFileAndTimeOrder() {
        store().write(List.of(decided("b/two.flac", "sha-2", 1, Decision.REVIEW)));
        store().write(List.of(
                decided("a/one.flac", "sha-1", 2, Decision.REVIEW), decided("a/ok.flac", "sha-3", 1, Decision.ACCEPT)));

        assertThat(store().passagesForReview(EnumSet.of(Decision.REVIEW), ""))
                .extracting(p -> p.fileRelativePath() + "@" + p.timing().start())
                .containsExactly(
                        "a/one.flac@" + timing(0).start(),
                        "a/one.flac@" + timing(1).start(),
                        "b/two.flac@0");
        assertThat(store().passagesForReview(EnumSet.of(Decision.REVIEW), "b/"))
                .extracting(ReviewPassage::fileRelativePath)
                .containsExactly("b/two.flac");
        assertThat(store().passagesForReview(EnumSet.of(Decision.ACCEPT), ""))
                .extracting(ReviewPassage::fileRelativePath)
                .containsExactly("a/ok.flac");
        assertThat(store().passagesForReview(EnumSet.noneOf(Decision.class), ""))
                .isEmpty();
        ReviewPassage one =
                store().passagesForReview(EnumSet.of(Decision.REVIEW), "a/").get(0);
        assertThat(store().passageForReview(one.guid())).contains(one);
        assertThat(one.tags()).isEqualTo(StoreFixtures.tags("a/one.flac"));
        assertThat(store().passageForReview("no-such-passage")).isEmpty();
    }

    @Test
    default void aPersonsDecisionIsStoredAndTheRedoNeverReplacesIt() {
        store().write(List.of(decided("a/one.flac", "sha-1", 1, Decision.REVIEW)));
        String guid = store().passagesForReview(StoreFixtures.ALL_DECISIONS, "")
                .get(0)
                .guid();
        UserDecision chosen =
                new UserDecision(UserDecision.Action.CHOOSE, "rec-chosen", "ann", StoreFixtures.DECIDED_AT);

        store().recordUserDecision(guid, chosen);
        store().updateIdentifications(List.of(
                new IdentificationUpdate(guid, identification(Decision.REJECT, null), null, null, null)));

        ReviewPassage p = store().passageForReview(guid).orElseThrow();
        assertThat(p.decision()).isEqualTo(Decision.ACCEPT);
        assertThat(p.recordingMbid()).isEqualTo("rec-chosen");
        assertThat(p.userDecision()).isEqualTo(chosen);

        UserDecision none = new UserDecision(UserDecision.Action.UNIDENTIFIABLE, null, "bob", StoreFixtures.DECIDED_AT);
        store().recordUserDecision(guid, none);
        assertThat(store().passageForReview(guid).orElseThrow().decision()).isEqualTo(Decision.REJECT);
        assertThat(store().passageForReview(guid).orElseThrow().recordingMbid()).isNull();

        assertThatThrownBy(() -> store().recordUserDecision("no-such-passage", chosen))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    default void aReimportOfTheSameContentKeepsTheDecisionAChangedFileAsksAgain() {
        store().write(List.of(decided("a/one.flac", "sha-1", 1, Decision.REVIEW)));
        String guid = store().passagesForReview(StoreFixtures.ALL_DECISIONS, "")
                .get(0)
                .guid();
        UserDecision accepted = new UserDecision(
                UserDecision.Action.ACCEPT, recordingMbid("a/one.flac", 0), "ann", StoreFixtures.DECIDED_AT);
        store().recordUserDecision(guid, accepted);

        store().write(List.of(decided("a/one.flac", "sha-1", 1, Decision.REVIEW)));
        assertThat(store().passagesForReview(StoreFixtures.ALL_DECISIONS, ""))
                .extracting(ReviewPassage::userDecision)
                .containsExactly(accepted);

        store().write(List.of(decided("a/one.flac", "sha-changed", 1, Decision.REVIEW)));
        List<ReviewPassage> after = store().passagesForReview(StoreFixtures.ALL_DECISIONS, "");
        assertThat(after).extracting(ReviewPassage::userDecision).containsOnlyNulls();
        assertThat(after).extracting(ReviewPassage::decision).containsExactly(Decision.REVIEW);
    }
}
