package io.wkmp.ingest.testkit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wkmp.ingest.core.identification.Candidate;
import io.wkmp.ingest.core.identification.Decision;
import io.wkmp.ingest.core.identification.EvidenceSummary;
import io.wkmp.ingest.core.identification.Identification;
import io.wkmp.ingest.core.library.FileImport;
import io.wkmp.ingest.core.library.FileStatus;
import io.wkmp.ingest.core.library.IdentificationUpdate;
import io.wkmp.ingest.core.library.PassageImport;
import io.wkmp.ingest.core.library.ReviewPassage;
import io.wkmp.ingest.core.passage.PassageTiming;
import io.wkmp.ingest.core.review.Review;
import io.wkmp.ingest.core.review.ReviewFilter;
import io.wkmp.ingest.core.tags.FileTags;
import io.wkmp.ingest.core.time.Ticks;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** The in-memory store keeps the review contract of the SQLite one (ReviewStoreTest): the fakes' users rely on it. */
class InMemoryReviewTest {
    static final String PROPOSED = "11111111-1111-1111-1111-111111111111";
    static final String CHOSEN = "33333333-3333-3333-3333-333333333333";
    static final Instant NOW = Instant.parse("2026-12-07T18:00:00Z");

    final InMemoryLibraryStore store = new InMemoryLibraryStore();
    final Review review = new Review(store, Clock.fixed(NOW, ZoneOffset.UTC));

    static FileImport file(String sha, long secondPassageEnd) {
        EvidenceSummary e = new EvidenceSummary(
                        0.5,
                        Double.NaN,
                        0.7,
                        0.7,
                        0.4,
                        0.9,
                        List.of(new EvidenceSummary.Component("fingerprint", 0.5, 0.7, "AcoustID score 0.70")),
                        List.of("close competitor"))
                .withCandidates(List.of(new Candidate(PROPOSED, "Song A", null, 1, 0.7, 1.5)));
        List<PassageImport> ps = List.of(
                passage(0, 60, new Identification(Decision.REVIEW, PROPOSED, 0.7, e)),
                passage(70, secondPassageEnd, Identification.pending("offline")));
        return new FileImport(
                "a/f.flac",
                sha,
                100,
                Instant.parse("2024-01-01T00:00:00Z"),
                null,
                Ticks.PER_SECOND * 200,
                "FLAC",
                FileStatus.INGEST_COMPLETE,
                FileTags.EMPTY,
                ps,
                List.of(),
                null);
    }

    static PassageImport passage(long startS, long endS, Identification id) {
        return new PassageImport(
                PassageTiming.bounds(startS * Ticks.PER_SECOND, endS * Ticks.PER_SECOND),
                "t",
                "a",
                "b",
                "fp",
                id,
                null,
                null,
                null,
                null);
    }

    @Test
    void listsDecidesAndKeepsDecisionsLikeTheDatabase() {
        store.write(List.of(file("sha-1", 130)));
        List<ReviewPassage> open = review.list(ReviewFilter.needsAPerson());
        assertThat(open).extracting(ReviewPassage::decision).containsExactly(Decision.REVIEW, Decision.PENDING);
        assertThat(open.get(0).candidates())
                .extracting(Candidate::recordingMbid)
                .containsExactly(PROPOSED);
        assertThat(review.list(ReviewFilter.needsAPerson().under("b/"))).isEmpty();

        review.accept(open.get(0).guid(), null, "ann");
        review.choose(open.get(1).guid(), CHOSEN, "ann");
        assertThat(review.list(ReviewFilter.needsAPerson())).isEmpty();
        assertThat(review.passage(open.get(1).guid()).recordingMbid()).isEqualTo(CHOSEN);
        assertThatThrownBy(() -> review.unidentifiable("a/f.flac#7", "ann")).isInstanceOf(NoSuchElementException.class);

        // the redo never overwrites a person's decision
        store.updateIdentifications(List.of(new IdentificationUpdate(
                open.get(1).guid(), Identification.pending("still offline"), null, null, null)));
        assertThat(review.passage(open.get(1).guid()).decision()).isEqualTo(Decision.ACCEPT);

        // the same content again: kept; a passage that moved or a changed file: asked again
        store.write(List.of(file("sha-1", 130)));
        assertThat(review.list(ReviewFilter.needsAPerson())).isEmpty();
        store.write(List.of(file("sha-1", 131)));
        assertThat(review.list(ReviewFilter.needsAPerson()))
                .extracting(ReviewPassage::decision)
                .containsExactly(Decision.PENDING);
        store.write(List.of(file("sha-2", 131)));
        assertThat(review.list(ReviewFilter.needsAPerson()))
                .extracting(ReviewPassage::decision)
                .containsExactly(Decision.REVIEW, Decision.PENDING);
    }
}
