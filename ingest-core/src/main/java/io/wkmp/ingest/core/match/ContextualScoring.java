package io.wkmp.ingest.core.match;

import io.wkmp.ingest.core.params.Decisions;
import java.util.List;

/**
 * Pure scoring functions of the Contextual Matcher (spec "Contextual Matcher"), each 0..1.
 * Stateless and thread-safe.
 */
public final class ContextualScoring {
    /** Relative duration tolerance for single recordings (spec: +-10 %). */
    public static final double RECORDING_DURATION_TOLERANCE = 0.10;
    /** Relative tolerance of the summed per-track differences of a release (spec: total +-5 %). */
    public static final double RELEASE_DURATION_TOLERANCE = 0.05;

    private ContextualScoring() {}

    /**
     * 1 when the durations agree, falling linearly to 0 at {@code tolerance} (relative to the expected
     * duration). 0.5 when either duration is unknown (&lt;= 0): no evidence either way.
     */
    public static double durationMatch(double actualSeconds, double expectedSeconds, double tolerance) {
        if (actualSeconds <= 0
                || expectedSeconds <= 0
                || Double.isNaN(actualSeconds)
                || Double.isNaN(expectedSeconds)) {
            return 0.5;
        }
        double relative = Math.abs(actualSeconds - expectedSeconds) / expectedSeconds;
        return clamp(1 - relative / tolerance);
    }

    /** 1 for an exact track count, 0.5 when one off (a hidden track, a bonus track), else 0. */
    public static double trackCountMatch(int actual, int expected) {
        int diff = Math.abs(actual - expected);
        return diff == 0 ? 1 : diff == 1 ? 0.5 : 0;
    }

    /**
     * How well the segment durations line up with a release's track durations, in order:
     * 1 - (sum of |difference| per track, unmatched tracks counting whole) / (tolerance x release length).
     */
    public static double durationAlignment(List<Double> actualSeconds, List<Double> expectedSeconds) {
        double expectedTotal = 0;
        for (double e : expectedSeconds) {
            expectedTotal += e;
        }
        if (expectedTotal <= 0) {
            return 0;
        }
        double diff = 0;
        int n = Math.max(actualSeconds.size(), expectedSeconds.size());
        for (int i = 0; i < n; i++) {
            double a = i < actualSeconds.size() ? actualSeconds.get(i) : 0;
            double e = i < expectedSeconds.size() ? expectedSeconds.get(i) : 0;
            diff += Math.abs(a - e);
        }
        return clamp(1 - diff / (RELEASE_DURATION_TOLERANCE * expectedTotal));
    }

    /** Mean similarity of the names that are known on both sides; 0 when none is. */
    public static double metadataMatch(String artist, String expectedArtist, String title, String expectedTitle) {
        double sum = 0;
        int n = 0;
        if (has(artist) && has(expectedArtist)) {
            sum += TextSimilarity.similarity(artist, expectedArtist);
            n++;
        }
        if (has(title) && has(expectedTitle)) {
            sum += TextSimilarity.similarity(title, expectedTitle);
            n++;
        }
        return n == 0 ? 0 : sum / n;
    }

    /**
     * The release alignment score of the spec: track count 40 %, duration alignment 30 %, metadata 30 %
     * (weights are parameters).
     */
    public static double releaseAlignment(
            double trackCountMatch, double durationAlignment, double metadataMatch, Decisions.ReleaseWeights weights) {
        return clamp(weights.trackCount() * requireUnit(trackCountMatch, "track count match")
                + weights.duration() * requireUnit(durationAlignment, "duration alignment")
                + weights.metadata() * requireUnit(metadataMatch, "metadata match"));
    }

    static double requireUnit(double v, String what) {
        if (Double.isNaN(v) || v < 0 || v > 1) {
            throw new IllegalArgumentException(what + " must be within [0, 1], got " + v);
        }
        return v;
    }

    private static boolean has(String s) {
        return s != null && !s.isBlank();
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
