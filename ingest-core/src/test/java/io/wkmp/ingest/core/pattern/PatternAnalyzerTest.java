package io.wkmp.ingest.core.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wkmp.ingest.core.segment.Segment;
import io.wkmp.ingest.core.time.Ticks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatternAnalyzerTest {
    private final PatternAnalyzer analyzer = new PatternAnalyzer();

    /** Segments of the given durations separated by the given gaps (seconds), gap floors as given (NaN = unknown). */
    static List<Segment> segments(double[] durations, double[] gaps, double[] floors) {
        List<Segment> out = new ArrayList<>();
        double t = 0;
        for (int i = 0; i < durations.length; i++) {
            double floor = i < floors.length ? floors[i] : Double.NaN;
            out.add(new Segment(Ticks.fromSeconds(t), Ticks.fromSeconds(t + durations[i]), floor));
            t += durations[i] + (i < gaps.length ? gaps[i] : 0);
        }
        return out;
    }

    @Test
    void specExampleTwelveCdTracks() {
        // spec: 12 segments, 2.1 s gaps (+-0.3 s), durations 180-360 s -> 12 tracks, CD, Consistent, confidence 0.92
        double[] durations = new double[12];
        double[] gaps = new double[11];
        for (int i = 0; i < 12; i++) {
            durations[i] = 180 + i * 15;
        }
        for (int i = 0; i < 11; i++) {
            gaps[i] = i % 2 == 0 ? 1.8 : 2.4;
        }
        SegmentPattern p = analyzer.analyze(segments(durations, gaps, new double[0]));
        assertThat(p.trackCount()).isEqualTo(12);
        assertThat(p.likelySourceMedia()).isEqualTo(SourceMedia.CD);
        assertThat(p.gapPattern()).isEqualTo(GapPattern.CONSISTENT);
        assertThat(p.gapMeanSeconds()).isCloseTo(2.073, within(0.001));
        assertThat(p.confidence()).isCloseTo(0.92, within(0.02));
        assertThat(p.segmentDurationsSeconds()).hasSize(12).first().isEqualTo(180.0);
    }

    @Test
    void variableNoisyGapsLookLikeVinyl() {
        double[] durations = {240, 200, 310, 190, 260, 230};
        double[] gaps = {1.2, 4.5, 0.8, 3.1, 6.0};
        double[] floors = {-62, -60, -61, -63, -62};
        SegmentPattern p = analyzer.analyze(segments(durations, gaps, floors));
        assertThat(p.gapPattern()).isEqualTo(GapPattern.VARIABLE);
        assertThat(p.likelySourceMedia()).isEqualTo(SourceMedia.VINYL);
        assertThat(p.confidence()).isBetween(0.3, 1.0);
    }

    @Test
    void changingHissLevelsLookLikeCassette() {
        double[] durations = {200, 210, 220, 230};
        double[] gaps = {2, 2.2, 2.1};
        double[] floors = {-70, -55, -62};
        SegmentPattern p = analyzer.analyze(segments(durations, gaps, floors));
        assertThat(p.likelySourceMedia()).isEqualTo(SourceMedia.CASSETTE);
    }

    @Test
    void consistentDigitalSilenceIsCdEvenWithKnownFloors() {
        SegmentPattern p =
                analyzer.analyze(segments(new double[] {100, 100, 100}, new double[] {2, 2}, new double[] {-120, -96}));
        assertThat(p.likelySourceMedia()).isEqualTo(SourceMedia.CD);
        // two gaps back the claim only half as much as four or more
        assertThat(p.confidence()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void oneOrNoSegmentHasNoGapPattern() {
        SegmentPattern one = analyzer.analyze(segments(new double[] {300}, new double[0], new double[0]));
        assertThat(one.trackCount()).isEqualTo(1);
        assertThat(one.gapPattern()).isEqualTo(GapPattern.NONE);
        assertThat(one.likelySourceMedia()).isEqualTo(SourceMedia.UNKNOWN);
        assertThat(one.gapMeanSeconds()).isNaN();
        assertThat(analyzer.analyze(List.of()).confidence()).isZero();
    }
}
