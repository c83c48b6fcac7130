package io.wkmp.ingest.core.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.wkmp.ingest.core.params.Decisions;
import io.wkmp.ingest.core.params.ImportParameters;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextualScoringTest {

    @Test
    void durationMatchFallsLinearlyToTheTolerance() {
        assertThat(ContextualScoring.durationMatch(200, 200, 0.1)).isEqualTo(1.0);
        assertThat(ContextualScoring.durationMatch(210, 200, 0.1)).isCloseTo(0.5, within(1e-9));
        assertThat(ContextualScoring.durationMatch(230, 200, 0.1)).isZero();
        assertThat(ContextualScoring.durationMatch(-1, 200, 0.1)).isEqualTo(0.5);
        assertThat(ContextualScoring.durationMatch(Double.NaN, 200, 0.1)).isEqualTo(0.5);
    }

    @Test
    void trackCountExactOrOneOff() {
        assertThat(ContextualScoring.trackCountMatch(12, 12)).isEqualTo(1.0);
        assertThat(ContextualScoring.trackCountMatch(11, 12)).isEqualTo(0.5);
        assertThat(ContextualScoring.trackCountMatch(8, 12)).isZero();
    }

    @Test
    void durationAlignmentSumsPerTrackDifferences() {
        List<Double> expected = List.of(200.0, 300.0, 500.0); // 1000 s; tolerance 5 % = 50 s
        assertThat(ContextualScoring.durationAlignment(expected, expected)).isEqualTo(1.0);
        assertThat(ContextualScoring.durationAlignment(List.of(205.0, 295.0, 505.0), expected))
                .isCloseTo(0.7, within(1e-9));
        // a missing track counts whole
        assertThat(ContextualScoring.durationAlignment(List.of(200.0, 300.0), expected))
                .isZero();
        assertThat(ContextualScoring.durationAlignment(List.of(1.0), List.of())).isZero();
    }

    @Test
    void releaseAlignmentIsFortyThirtyThirty() {
        Decisions.ReleaseWeights p = ImportParameters.defaults().decisions().release();
        assertThat(ContextualScoring.releaseAlignment(1, 1, 1, p)).isCloseTo(1.0, within(1e-9));
        assertThat(ContextualScoring.releaseAlignment(1, 0, 0, p)).isCloseTo(0.4, within(1e-9));
        assertThat(ContextualScoring.releaseAlignment(0.5, 0.8, 0.9, p)).isCloseTo(0.2 + 0.24 + 0.27, within(1e-9));
        assertThatThrownBy(() -> ContextualScoring.releaseAlignment(1.2, 0, 0, p))
                .hasMessage("track count match must be within [0, 1], got 1.2");
    }

    @Test
    void metadataMatchAveragesKnownNames() {
        assertThat(ContextualScoring.metadataMatch("Pink Floyd", "Pink Floyd", "Time", "Time"))
                .isEqualTo(1.0);
        assertThat(ContextualScoring.metadataMatch(null, "Pink Floyd", "Time", "Time"))
                .isEqualTo(1.0);
        assertThat(ContextualScoring.metadataMatch(null, "x", null, "y")).isZero();
        assertThat(ContextualScoring.metadataMatch("Pink Floyd", "Pink Floyd", "Money", "Breathe"))
                .isBetween(0.5, 0.8);
    }
}
