package io.wkmp.ingest.core.pattern;

import java.util.List;

/**
 * Structural clues of a segmented file (spec "Pattern Analyzer").
 *
 * @param segmentDurationsSeconds durations in file order
 * @param gapMeanSeconds mean gap, NaN with fewer than two segments
 * @param gapStdDevSeconds population standard deviation of the gaps, NaN with fewer than two segments
 * @param confidence 0..1, how strongly the structure supports the stated source media
 */
public record SegmentPattern(
        int trackCount,
        SourceMedia likelySourceMedia,
        GapPattern gapPattern,
        List<Double> segmentDurationsSeconds,
        double gapMeanSeconds,
        double gapStdDevSeconds,
        double totalDurationSeconds,
        double confidence) {
    public SegmentPattern {
        segmentDurationsSeconds = List.copyOf(segmentDurationsSeconds);
        if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
            throw new IllegalArgumentException("confidence must be within [0, 1], got " + confidence);
        }
    }
}
