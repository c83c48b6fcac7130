package io.wkmp.ingest.core.identify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.wkmp.ingest.core.identification.Decision;
import io.wkmp.ingest.core.params.ImportParameters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfidenceAssessorTest {
    private final ConfidenceAssessor assessor =
            new ConfidenceAssessor(ImportParameters.defaults().decisions());

    @Test
    void specExampleMultiSegment() {
        // spec: contextual 0.92, pattern 0.88, fingerprints [0.95, 0.91, 0.93, 0.89] -> ACCEPT, 0.91
        Assessment a = assessor.assessMulti(0.92, 0.88, List.of(0.95, 0.91, 0.93, 0.89), true);
        assertThat(a.decision()).isEqualTo(Decision.ACCEPT);
        assertThat(a.confidence()).isCloseTo(0.91, within(0.005));
        assertThat(a.evidence().contextual()).isEqualTo(0.92);
        assertThat(a.evidence().pattern()).isEqualTo(0.88);
        assertThat(a.evidence().fingerprintMean()).isCloseTo(0.92, within(1e-9));
        assertThat(a.evidence().fingerprintMin()).isEqualTo(0.89);
        assertThat(a.segmentConfidences())
                .hasSize(4)
                .allSatisfy(c -> assertThat(c).isGreaterThan(0.89));
        assertThat(a.evidence().reasons()).singleElement().asString().contains("ACCEPT");
    }

    @ParameterizedTest(name = "metadata {0}, fingerprint {1}, duration {2} -> {3} ({4})")
    @CsvSource({
        "1.0, 1.0, 1.0, ACCEPT, 1.00",
        "0.8, 0.95, 1.0, ACCEPT, 0.91",
        "0.5, 0.9, 0.5, REVIEW, 0.74",
        "0.9, 0.5, 1.0, REVIEW, 0.67",
        "0.3, 0.5, 0.5, REJECT, 0.44",
        "1.0, 0.0, 1.0, REJECT, 0.40"
    })
    void singleSegmentWeightsAndThresholds(double meta, double fp, double dur, Decision expected, double confidence) {
        Assessment a = assessor.assessSingle(meta, fp, dur);
        assertThat(a.decision()).isEqualTo(expected);
        assertThat(a.confidence()).isCloseTo(confidence, within(0.005));
        assertThat(a.evidence().metadata()).isEqualTo(meta);
        assertThat(a.evidence().contextual()).isNaN();
    }

    @Test
    void boundariesAreInclusive() {
        // 0.85 exactly is ACCEPT, 0.60 exactly is REVIEW
        assertThat(assessor.assessSingle(0.5, 1.0, 1.0).decision()).isEqualTo(Decision.ACCEPT); // 0.15+0.6+0.1
        assertThat(assessor.assessSingle(1.0, 0.5, 0.0).decision()).isEqualTo(Decision.REVIEW); // 0.3+0.3
    }

    @Test
    void oneWeakSegmentPreventsAccept() {
        Assessment a = assessor.assessMulti(1.0, 1.0, List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.4), true);
        assertThat(a.confidence()).isGreaterThanOrEqualTo(0.85);
        assertThat(a.segmentConfidences().get(7)).isCloseTo(0.64, within(1e-9));
        assertThat(a.decision()).isEqualTo(Decision.REVIEW);
    }

    @Test
    void segmentsOfDifferentReleasesCostTwentyPercent() {
        Assessment same = assessor.assessMulti(0.9, 0.9, List.of(0.95, 0.95), true);
        Assessment mixed = assessor.assessMulti(0.9, 0.9, List.of(0.95, 0.95), false);
        assertThat(mixed.confidence()).isCloseTo(same.confidence() * 0.8, within(1e-9));
        assertThat(same.decision()).isEqualTo(Decision.ACCEPT);
        assertThat(mixed.decision()).isEqualTo(Decision.REVIEW);
        assertThat(mixed.evidence().reasons().get(0)).contains("segments matched different releases");
        assertThat(assessor.assessMulti(0.2, 0.2, List.of(0.3), false).decision())
                .isEqualTo(Decision.REJECT);
    }

    @Test
    void thresholdsAndWeightsAreParameters() {
        ConfidenceAssessor strict = new ConfidenceAssessor(ImportParameters.defaults()
                .with(Map.of(
                        "confidence_single_accept",
                        "0.95",
                        "confidence_single_weight_metadata",
                        "0.2",
                        "confidence_single_weight_duration",
                        "0.2"))
                .decisions());
        Assessment a = strict.assessSingle(0.8, 0.95, 1.0);
        assertThat(a.confidence()).isCloseTo(0.16 + 0.57 + 0.2, within(1e-9));
        assertThat(a.decision()).isEqualTo(Decision.REVIEW);
    }

    @Test
    void scoresOutsideUnitRangeAreRefused() {
        assertThatThrownBy(() -> assessor.assessSingle(1.2, 0, 0))
                .hasMessage("metadata score must be within [0, 1], got 1.2");
        assertThatThrownBy(() -> assessor.assessSingle(0, Double.NaN, 0))
                .hasMessage("fingerprint score must be within [0, 1], got NaN");
        assertThatThrownBy(() -> assessor.assessMulti(0.5, 0.5, List.of(0.5, -0.1), true))
                .hasMessage("fingerprint score of segment 2 must be within [0, 1], got -0.1");
        assertThatThrownBy(() -> assessor.assessMulti(0.5, 0.5, List.of(), true))
                .hasMessage("a multi-segment assessment needs at least one segment fingerprint score");
    }
}
