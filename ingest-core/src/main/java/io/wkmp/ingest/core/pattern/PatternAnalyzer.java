package io.wkmp.ingest.core.pattern;

import io.wkmp.ingest.core.segment.Segment;
import io.wkmp.ingest.core.time.Ticks;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads structural clues from a file's segments (spec "Pattern Analyzer"): track count, gap regularity
 * and the likely source medium.
 *
 * <p>Rules: gaps are CONSISTENT when their standard deviation is at most {@value #CONSISTENT_STDDEV_S} s
 * (or a fifth of their mean, whichever is larger). A CD rip has consistent gaps of digital silence
 * ({@value #DIGITAL_SILENCE_DBFS} dBFS or quieter, or of unknown level); vinyl has variable gaps or gaps
 * filled with surface noise; a cassette has hiss whose level changes from gap to gap by more than
 * {@value #CASSETTE_FLOOR_SPREAD_DB} dB. Confidence is the gap regularity (1 - cv/2) scaled by how
 * many gaps back it (full at four or more). Stateless and thread-safe.
 */
public final class PatternAnalyzer {
    static final double CONSISTENT_STDDEV_S = 0.5;
    static final double DIGITAL_SILENCE_DBFS = -80;
    static final double CASSETTE_FLOOR_SPREAD_DB = 6;
    private static final double SINGLE_SEGMENT_CONFIDENCE = 0.5;

    public SegmentPattern analyze(List<Segment> segments) {
        List<Double> durations = new ArrayList<>();
        for (Segment s : segments) {
            durations.add(Ticks.toSeconds(s.durationTicks()));
        }
        double total = segments.isEmpty()
                ? 0
                : Ticks.toSeconds(segments.get(segments.size() - 1).endTicks()
                        - segments.get(0).startTicks());
        if (segments.size() < 2) {
            return new SegmentPattern(
                    segments.size(),
                    SourceMedia.UNKNOWN,
                    GapPattern.NONE,
                    durations,
                    Double.NaN,
                    Double.NaN,
                    total,
                    segments.isEmpty() ? 0 : SINGLE_SEGMENT_CONFIDENCE);
        }
        double[] gaps = new double[segments.size() - 1];
        double floorMin = Double.POSITIVE_INFINITY, floorMax = Double.NEGATIVE_INFINITY;
        boolean floorsKnown = true;
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = Ticks.toSeconds(
                    segments.get(i + 1).startTicks() - segments.get(i).endTicks());
            double floor = segments.get(i).gapFloorDbfs();
            if (Double.isNaN(floor)) {
                floorsKnown = false;
            } else {
                floorMin = Math.min(floorMin, floor);
                floorMax = Math.max(floorMax, floor);
            }
        }
        double mean = mean(gaps);
        double std = stdDev(gaps, mean);
        GapPattern gapPattern =
                std <= Math.max(CONSISTENT_STDDEV_S, mean / 5) ? GapPattern.CONSISTENT : GapPattern.VARIABLE;
        boolean digitalSilence = !floorsKnown || floorMax <= DIGITAL_SILENCE_DBFS;
        SourceMedia media;
        if (floorsKnown && floorMax - floorMin > CASSETTE_FLOOR_SPREAD_DB && !digitalSilence) {
            media = SourceMedia.CASSETTE;
        } else if (gapPattern == GapPattern.CONSISTENT && digitalSilence) {
            media = SourceMedia.CD;
        } else if (gapPattern == GapPattern.VARIABLE || !digitalSilence) {
            media = SourceMedia.VINYL;
        } else {
            media = SourceMedia.UNKNOWN;
        }
        double cv = mean > 0 ? std / mean : 1;
        double regularity = gapPattern == GapPattern.CONSISTENT ? 1 - cv / 2 : Math.min(1, cv / 2);
        double support = Math.min(1.0, gaps.length / 4.0);
        double confidence = clamp(regularity * support);
        return new SegmentPattern(segments.size(), media, gapPattern, durations, mean, std, total, confidence);
    }

    private static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.length;
    }

    private static double stdDev(double[] xs, double mean) {
        double s = 0;
        for (double x : xs) {
            s += (x - mean) * (x - mean);
        }
        return Math.sqrt(s / xs.length);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
