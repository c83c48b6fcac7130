package io.wkmp.ingest.adapters.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wkmp.ingest.core.identification.Candidate;
import io.wkmp.ingest.core.identification.Decision;
import io.wkmp.ingest.core.identification.EvidenceSummary;
import io.wkmp.ingest.core.identification.Identification;
import io.wkmp.ingest.core.library.FileImport;
import io.wkmp.ingest.core.library.IdentificationUpdate;
import io.wkmp.ingest.core.library.PassageImport;
import io.wkmp.ingest.core.library.ReviewPassage;
import io.wkmp.ingest.core.library.UserDecision;
import io.wkmp.ingest.core.review.Review;
import io.wkmp.ingest.core.review.ReviewFilter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** The review workflow on a real SQLite file: listing, deciding, and the decisions surviving a re-import. */
class ReviewStoreTest extends StoreTestBase {
    static final String PROPOSED = "11111111-1111-1111-1111-111111111111";
    static final String OTHER = "22222222-2222-2222-2222-222222222222";
    static final String CHOSEN = "33333333-3333-3333-3333-333333333333";
    static final Instant NOW = Instant.parse("2026-12-07T18:00:00Z");

    /** a/mixed.flac: passage 0 ACCEPT, 1 REVIEW (two candidates), 2 REJECT, 3 PENDING; b/pending.flac: 2 PENDING. */
    private void importLibrary() {
        store.write(List.of(mixed("sha-mixed"), Results.pending("b/pending.flac", 2)));
    }

    static FileImport mixed(String sha) {
        FileImport base = Results.identified("a/mixed.flac", 4);
        List<PassageImport> ps = new ArrayList<>(base.passages());
        EvidenceSummary review = new EvidenceSummary(
                        0.5,
                        Double.NaN,
                        0.7,
                        0.7,
                        0.4,
                        0.9,
                        List.of(
                                new EvidenceSummary.Component("fingerprint", 0.5, 0.7, "AcoustID score 0.70"),
                                new EvidenceSummary.Component("metadata", 0.3, 0.4, "the title tag differs")),
                        List.of("close competitor"))
                .withCandidates(List.of(
                        new Candidate(PROPOSED, "Song A", "rel-1", 2, 0.7, 1.5),
                        new Candidate(OTHER, "Song B", null, null, 0.68, Double.NaN)));
        ps.set(1, with(ps.get(1), new Identification(Decision.REVIEW, PROPOSED, 0.7, review)));
        ps.set(
                2,
                with(
                        ps.get(2),
                        new Identification(
                                Decision.REJECT,
                                null,
                                0.2,
                                new EvidenceSummary(
                                        0.1,
                                        Double.NaN,
                                        Double.NaN,
                                        Double.NaN,
                                        0.2,
                                        Double.NaN,
                                        List.of(EvidenceSummary.Component.rule(
                                                "fingerprint", Double.NaN, "no fingerprint match")),
                                        List.of("nothing matched")))));
        ps.set(3, with(ps.get(3), Identification.pending("AcoustID unreachable")));
        return new FileImport(
                base.relativePath(),
                sha,
                base.sizeBytes(),
                base.modifiedAt(),
                base.format(),
                base.durationTicks(),
                base.formatName(),
                base.status(),
                base.tags(),
                ps,
                List.of(),
                null);
    }

    private static PassageImport with(PassageImport p, Identification id) {
        boolean named = id.recordingMbid() != null;
        return new PassageImport(
                p.timing(),
                p.title(),
                p.artist(),
                p.album(),
                p.fingerprint(),
                id,
                null,
                named ? p.release() : null,
                p.flavor(),
                p.amplitude());
    }

    private Review review() {
        return new Review(store, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void listsWhatNeedsAPersonWithEvidenceCandidatesAndFilters() {
        importLibrary();
        List<ReviewPassage> all = review().list(ReviewFilter.needsAPerson());
        assertThat(all)
                .extracting(p -> p.fileRelativePath() + " " + p.decision())
                .containsExactly(
                        "a/mixed.flac REVIEW",
                        "a/mixed.flac REJECT",
                        "a/mixed.flac PENDING",
                        "b/pending.flac PENDING",
                        "b/pending.flac PENDING");
        ReviewPassage r = all.get(0);
        assertThat(r.recordingMbid()).isEqualTo(PROPOSED);
        assertThat(r.confidence()).isEqualTo(0.7);
        assertThat(r.tags().album()).isEqualTo("Album");
        assertThat(r.breakdown())
                .extracting(EvidenceSummary.Component::name, EvidenceSummary.Component::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("fingerprint", 0.7),
                        org.assertj.core.groups.Tuple.tuple("metadata", 0.4));
        assertThat(r.candidates()).hasSize(2);
        assertThat(r.candidates().get(0)).isEqualTo(new Candidate(PROPOSED, "Song A", "rel-1", 2, 0.7, 1.5));
        assertThat(r.candidates().get(1).durationDeltaSeconds()).isNaN();
        assertThat(r.userDecision()).isNull();

        assertThat(review().list(ReviewFilter.needsAPerson().under("b/"))).hasSize(2);
        assertThat(review().list(new ReviewFilter(ReviewFilter.NEEDS_A_PERSON, "", "TITLE TAG", false)))
                .extracting(ReviewPassage::guid)
                .containsExactly(r.guid());
        assertThat(review().list(new ReviewFilter(EnumSet.of(Decision.ACCEPT), "", null, false)))
                .extracting(ReviewPassage::decision)
                .containsExactly(Decision.ACCEPT);
    }

    @Test
    void decisionsAreStoredWithWhoAndWhenAndLinkSongs() throws Exception {
        importLibrary();
        List<ReviewPassage> open = review().list(ReviewFilter.needsAPerson().under("a/"));
        ReviewPassage accepted = review().accept(open.get(0).guid(), null, "alice");
        ReviewPassage unidentifiable = review().unidentifiable(open.get(1).guid(), "bob");
        ReviewPassage chosen = review().choose(open.get(2).guid(), CHOSEN.toUpperCase(), "carol");

        assertThat(accepted.decision()).isEqualTo(Decision.ACCEPT);
        assertThat(accepted.recordingMbid()).isEqualTo(PROPOSED);
        assertThat(accepted.userDecision())
                .isEqualTo(new UserDecision(UserDecision.Action.ACCEPT, PROPOSED, "alice", NOW));
        assertThat(accepted.breakdown()).hasSize(2); // the evidence stays readable beside the decision
        assertThat(unidentifiable.decision()).isEqualTo(Decision.REJECT);
        assertThat(unidentifiable.userDecision().action()).isEqualTo(UserDecision.Action.UNIDENTIFIABLE);
        assertThat(chosen.decision()).isEqualTo(Decision.ACCEPT);
        assertThat(chosen.recordingMbid()).isEqualTo(CHOSEN);
        assertThat(raw.text("SELECT s.recording_mbid FROM passage_songs ps JOIN songs s ON s.guid = ps.song_id"
                        + " WHERE ps.passage_id = '" + chosen.guid() + "'"))
                .isEqualTo(CHOSEN);
        assertThat(raw.number("SELECT count(*) FROM passage_songs WHERE passage_id = '" + unidentifiable.guid() + "'"))
                .isZero();
        assertThat(raw.text("SELECT json_extract(identification_evidence, '$.user_decision.by') FROM passages"
                        + " WHERE guid = '" + chosen.guid() + "'"))
                .isEqualTo("carol");

        assertThat(review().list(ReviewFilter.needsAPerson().under("a/"))).isEmpty();
        assertThat(review().list(new ReviewFilter(EnumSet.allOf(Decision.class), "a/", null, true)))
                .filteredOn(p -> p.userDecision() != null)
                .hasSize(3);
    }

    @Test
    void badRequestsAreRefused() {
        importLibrary();
        ReviewPassage pending =
                review().list(ReviewFilter.needsAPerson().under("b/")).get(0);
        assertThatThrownBy(() -> review().accept(pending.guid(), null, "alice"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names no recording");
        assertThatThrownBy(() -> review().choose(pending.guid(), "not-an-mbid", "alice"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> review().unidentifiable("no-such-passage", "alice"))
                .isInstanceOf(NoSuchElementException.class);
        assertThat(review().passage(pending.guid()).userDecision()).isNull();
    }

    @Test
    void theRedoNeverOverwritesAPersonsDecision() {
        importLibrary();
        ReviewPassage pending =
                review().list(ReviewFilter.needsAPerson().under("b/")).get(0);
        review().unidentifiable(pending.guid(), "dave");
        store.updateIdentifications(List.of(new IdentificationUpdate(
                pending.guid(),
                new Identification(
                        Decision.ACCEPT,
                        OTHER,
                        0.99,
                        Identification.pending("x").evidence()),
                null,
                null,
                null)));
        ReviewPassage after = review().passage(pending.guid());
        assertThat(after.decision()).isEqualTo(Decision.REJECT);
        assertThat(after.recordingMbid()).isNull();
        assertThat(store.passagesPendingIdentification("b/")).hasSize(1);
    }

    @Test
    void aReimportOfTheSameContentKeepsTheDecisionsAChangedFileAsksAgain() {
        importLibrary();
        List<ReviewPassage> open = review().list(ReviewFilter.needsAPerson().under("a/"));
        review().choose(open.get(0).guid(), CHOSEN, "alice");
        review().unidentifiable(open.get(1).guid(), "alice");

        store.write(List.of(mixed("sha-mixed"))); // the same content imported again (e.g. its mtime was touched)
        assertThat(review().list(ReviewFilter.needsAPerson().under("a/")))
                .extracting(ReviewPassage::decision)
                .containsExactly(Decision.PENDING);
        ReviewPassage kept = review().passage(open.get(0).guid());
        assertThat(kept.decision()).isEqualTo(Decision.ACCEPT);
        assertThat(kept.recordingMbid()).isEqualTo(CHOSEN);
        assertThat(kept.userDecision().by()).isEqualTo("alice");

        store.write(List.of(mixed("sha-changed"))); // the file changed: its passages are asked again
        assertThat(review().list(ReviewFilter.needsAPerson().under("a/")))
                .extracting(ReviewPassage::decision, ReviewPassage::userDecision)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Decision.REVIEW, null),
                        org.assertj.core.groups.Tuple.tuple(Decision.REJECT, null),
                        org.assertj.core.groups.Tuple.tuple(Decision.PENDING, null));
    }
}
