package io.wkmp.ingest.core.identify;

import static io.wkmp.ingest.core.identify.Albums.match;
import static io.wkmp.ingest.core.identify.Albums.passage;
import static io.wkmp.ingest.core.identify.Albums.rec;
import static io.wkmp.ingest.core.identify.Albums.recording;
import static io.wkmp.ingest.core.identify.Albums.tags;
import static io.wkmp.ingest.core.identify.Albums.title;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wkmp.ingest.core.catalog.Recording;
import io.wkmp.ingest.core.identification.Candidate;
import io.wkmp.ingest.core.identification.Decision;
import io.wkmp.ingest.core.identification.EvidenceSummary;
import io.wkmp.ingest.core.identification.PassageEvidence;
import io.wkmp.ingest.core.identification.PassageResult;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.port.AcoustIdMatch;
import io.wkmp.ingest.core.tags.FileTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The per-passage decision: the spec's formulas at the default thresholds, then the fingerprint and tag rules. */
class PassageAssessorTest {
    static final String R = "rel-a";

    final PassageAssessor assessor =
            new PassageAssessor(ImportParameters.defaults().decisions());
    final Recording rec = recording(R, 0);
    /** Track 1's passage: its length and tags that name it (artist and title). */
    final PassageEvidence named = passage(0, 180, "fp", tags(title(0), 1, null, null));
    /** Track 1's passage with tags that name another song by someone else. */
    final PassageEvidence misnamed =
            passage(0, 180, "fp", tags("Quite Another Song", "Somebody Else", null, null, null));

    PassageResult single(PassageEvidence p, AcoustIdMatch... matches) {
        return assessor.single(p, rec, Optional.empty(), List.of(matches), 0, List.of());
    }

    static EvidenceSummary.Component component(PassageResult r, String name) {
        return r.identification().evidence().breakdown().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no component " + name + " in "
                        + r.identification().evidence().breakdown()));
    }

    static List<String> components(PassageResult r) {
        return r.identification().evidence().breakdown().stream()
                .map(EvidenceSummary.Component::name)
                .toList();
    }

    @Test
    void namesLengthAndAGoodFingerprintAccept() {
        PassageResult r = single(named, match(R, 0, 3, 0.9));

        // 0.3 x metadata 1 + 0.6 x fingerprint 0.9 + 0.1 x duration 1
        assertThat(r.identification().decision()).isEqualTo(Decision.ACCEPT);
        assertThat(r.identification().confidence()).isCloseTo(0.94, within(1e-9));
        assertThat(r.identification().recordingMbid()).isEqualTo(rec(R, 0));
        assertThat(r.recording()).contains(rec);
        assertThat(components(r)).containsExactly("metadata", "fingerprint", "duration");
        assertThat(component(r, "fingerprint").value()).isEqualTo(0.9);
        assertThat(component(r, "fingerprint").weight()).isEqualTo(0.6);
        assertThat(component(r, "metadata").value()).isEqualTo(1.0);
    }

    @Test
    void aMiddlingFingerprintIsReviewedAndAWeakOneWithoutNamesRejected() {
        PassageResult review = single(named, match(R, 0, 3, 0.6));
        assertThat(review.identification().decision()).isEqualTo(Decision.REVIEW);
        assertThat(review.identification().confidence()).isCloseTo(0.76, within(1e-9));
        assertThat(review.identification().recordingMbid()).isEqualTo(rec(R, 0));

        PassageResult reject = single(passage(0, 180, "fp", FileTags.EMPTY), match(R, 0, 3, 0.5));
        assertThat(reject.identification().decision()).isEqualTo(Decision.REJECT);
        assertThat(reject.identification().confidence()).isCloseTo(0.4, within(1e-9));
        assertThat(reject.identification().recordingMbid()).isNull();
        assertThat(reject.recording()).isEmpty();
    }

    @Test
    void aStrongFingerprintAcceptsWhateverTheTagNamesSay() {
        PassageResult r = single(misnamed, match(R, 0, 3, 0.97));

        assertThat(r.identification().decision()).isEqualTo(Decision.ACCEPT);
        assertThat(r.identification().confidence()).isEqualTo(0.97);
        // the names alone weigh in at about 0.5: 0.3 x 0.51 + 0.6 x 0.97 + 0.1 x 1 = 0.84, short of ACCEPT
        assertThat(component(r, "metadata").value()).isLessThan(0.55);
        assertThat(component(r, "strong_fingerprint").value()).isEqualTo(0.97);
        assertThat(component(r, "strong_fingerprint").weight()).isNaN();
        assertThat(r.identification().evidence().reasons())
                .anyMatch(s -> s.startsWith("ACCEPT on the strength of the fingerprint"));
    }

    @Test
    void aCloseCompetitorOrALengthThatDisagreesTakesTheFingerprintsRuleAway() {
        AcoustIdMatch other = new AcoustIdMatch("rec-other", 0.9, "Other", 180, List.of("X"), List.of());
        PassageResult competitor = single(misnamed, match(R, 0, 3, 0.97), other);
        assertThat(competitor.identification().decision()).isEqualTo(Decision.REVIEW);
        assertThat(components(competitor)).doesNotContain("strong_fingerprint");

        PassageResult shorter = single(passage(0, 100, "fp", misnamed.tags()), match(R, 0, 3, 0.97));
        assertThat(shorter.identification().decision()).isEqualTo(Decision.REVIEW);
        assertThat(shorter.identification().confidence()).isLessThan(0.85);
        assertThat(component(shorter, "strong_fingerprint").reason()).contains("do not agree");
    }

    @Test
    void aTagRecordingIdNamingAnotherRecordingCapsAtReview() {
        PassageEvidence p = passage(0, 180, "fp", tags(title(0), 1, "rec-someone-else", null));

        PassageResult r = single(p, match(R, 0, 3, 0.97));

        assertThat(r.identification().decision()).isEqualTo(Decision.REVIEW);
        assertThat(r.identification().recordingMbid()).isEqualTo(rec(R, 0));
        assertThat(component(r, "tag_recording_id").value()).isZero();
        assertThat(component(r, "strong_fingerprint").reason()).contains("at most REVIEW");
        assertThat(r.identification().evidence().reasons())
                .contains("decision capped at REVIEW because of the conflicting tag recording id");
    }

    @Test
    void aTagRecordingIdThatAgreesCountsAsFullMetadata() {
        PassageEvidence untitled = passage(0, 180, "fp", tags("Untitled", 1, null, null));
        PassageEvidence tagged = passage(0, 180, "fp", tags("Untitled", 1, rec(R, 0), null));

        PassageResult without = single(untitled, match(R, 0, 3, 0.6));
        PassageResult with = single(tagged, match(R, 0, 3, 0.6));

        assertThat(without.identification().confidence()).isLessThan(0.76);
        assertThat(with.identification().confidence()).isCloseTo(0.76, within(1e-9));
        assertThat(component(with, "metadata").value()).isEqualTo(1.0);
        assertThat(component(with, "tag_recording_id").value()).isEqualTo(1.0);
        assertThat(components(without)).doesNotContain("tag_recording_id");
    }

    @Test
    void theReleaseContextRaisesMetadataButNeverLowersIt() {
        PassageEvidence nameless = passage(0, 180, "fp", FileTags.EMPTY);
        List<AcoustIdMatch> fp = List.of(match(R, 0, 3, 0.6));

        PassageResult alone = assessor.single(nameless, rec, Optional.empty(), fp, 0, List.of());
        PassageResult onAlbum = assessor.single(nameless, rec, Optional.empty(), fp, 0.9, List.of());
        PassageResult namedLowContext = assessor.single(named, rec, Optional.empty(), fp, 0.2, List.of());

        assertThat(alone.identification().decision()).isEqualTo(Decision.REJECT);
        assertThat(onAlbum.identification().decision()).isEqualTo(Decision.REVIEW);
        assertThat(component(onAlbum, "metadata").value()).isEqualTo(0.9);
        assertThat(component(namedLowContext, "metadata").value()).isEqualTo(1.0);
    }

    @Test
    void aSegmentIsAcceptedOnItsOwnOrWithAFileThatPassesTogether() {
        var track = Albums.release(R, "Waveforms", 3).tracks().get(0);
        PassageResult strong = assessor.segment(
                named, rec, track, List.of(match(R, 0, 3, 0.9)), fileContext(true, Decision.ACCEPT), List.of());
        assertThat(strong.identification().decision()).isEqualTo(Decision.ACCEPT);
        assertThat(strong.identification().confidence()).isCloseTo(0.94, within(1e-9));
        assertThat(components(strong)).containsExactly("contextual", "pattern", "fingerprint", "consistency");
        assertThat(strong.track()).contains(track);

        List<AcoustIdMatch> weak = List.of(match(R, 0, 3, 0.55)); // 0.2 + 0.2 + 0.6 x 0.55 = 0.73
        assertThat(assessor.segment(named, rec, track, weak, fileContext(true, Decision.ACCEPT), List.of())
                        .identification()
                        .decision())
                .isEqualTo(Decision.ACCEPT);
        assertThat(assessor.segment(named, rec, track, weak, fileContext(true, Decision.REVIEW), List.of())
                        .identification()
                        .decision())
                .isEqualTo(Decision.REVIEW);

        PassageResult inconsistent = assessor.segment(
                named, rec, track, List.of(match(R, 0, 3, 0.9)), fileContext(false, Decision.REVIEW), List.of());
        assertThat(inconsistent.identification().confidence()).isCloseTo(0.94 * 0.8, within(1e-9));
        assertThat(inconsistent.identification().decision()).isEqualTo(Decision.REVIEW);
        assertThat(component(inconsistent, "consistency").value()).isEqualTo(0.8);
    }

    @Test
    void theFileContextPassesTheSegmentsTogetherOrNot() {
        assertThat(assessor.fileContext(1, 1, true, List.of(0.9, 0.9)).overall())
                .isEqualTo(Decision.ACCEPT);
        assertThat(assessor.fileContext(1, 1, true, List.of(0.9, 0.2)).overall())
                .isEqualTo(Decision.REVIEW);
        assertThat(assessor.fileContext(1, 1, true, List.of()).overall()).isEqualTo(Decision.REJECT);
    }

    @Test
    void anUnmatchedPassageIsRejectedWithItsReasons() {
        PassageResult r = assessor.unmatched(List.of("no release track matches"));
        assertThat(r.identification().decision()).isEqualTo(Decision.REJECT);
        assertThat(r.identification().recordingMbid()).isNull();
        assertThat(r.identification().evidence().reasons()).containsExactly("no release track matches");
    }

    @Test
    void theCandidatesAreTheBestFiveFingerprintsAfterTheRecordingAssessedWhenNoneNamesIt() {
        List<AcoustIdMatch> matches = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            matches.add(match(R, i, 8, 0.1 * i));
        }
        List<Candidate> cs = Candidates.of(named, rec, Optional.empty(), matches);

        assertThat(cs)
                .extracting(Candidate::recordingMbid)
                .containsExactly(rec(R, 0), rec(R, 6), rec(R, 5), rec(R, 4), rec(R, 3));
        assertThat(cs.get(0).fingerprintScore()).isNaN();
        assertThat(cs.get(1).fingerprintScore()).isCloseTo(0.6, within(1e-9));
        assertThat(cs.get(1).durationDeltaSeconds()).isEqualTo(Albums.seconds(6) - 180);
    }

    private PassageAssessor.FileContext fileContext(boolean sameRelease, Decision overall) {
        return new PassageAssessor.FileContext(1, 1, sameRelease, overall);
    }
}
