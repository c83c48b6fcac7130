package io.wkmp.ingest.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.wkmp.ingest.core.support.TestPcm;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Envelope + silence segmenter on PCM built in memory: boundaries to the sample, thresholds, edges, listener order. */
class SilenceSegmenterTest {
    private static final double THRESHOLD = -50;

    private static List<FrameSpan> segment(TestPcm pcm, long minSilenceMs, List<long[]> events) {
        SilenceSegmenter seg = new SilenceSegmenter(THRESHOLD, minSilenceMs, new SilenceSegmenter.BoundaryListener() {
            @Override
            public void started(long frame) {
                events.add(new long[] {frame, 1});
            }

            @Override
            public void ended(long frame) {
                events.add(new long[] {frame, 0});
            }
        });
        pcm.play(new EnvelopeBuilder(50, THRESHOLD, seg), 1000);
        return seg.spans();
    }

    @ParameterizedTest
    @CsvSource({"44100, 1", "48000, 2", "96000, 2", "22050, 1"})
    void digitalSilenceGapsGiveBoundariesWithinAMillisecond(int rate, int channels) {
        TestPcm pcm = new TestPcm(rate, channels)
                .tone(3_000, 440, -12)
                .silence(2_000)
                .tone(2_500, 660, -20)
                .silence(1_200)
                .tone(4_000, 330, -6);
        List<long[]> events = new ArrayList<>();
        List<FrameSpan> spans = segment(pcm, 1_000, events);

        assertThat(spans).hasSize(3);
        long ms = rate / 1000;
        for (int i = 0; i < 3; i++) {
            long errStart = spans.get(i).startFrame() - pcm.partStart(2 * i);
            long errEnd = spans.get(i).endFrame() - pcm.partStart(2 * i + 1);
            System.out.printf(
                    "rate %d track %d: start error %.3f ms, end error %.3f ms%n",
                    rate, i + 1, errStart * 1000.0 / rate, errEnd * 1000.0 / rate);
            assertThat(spans.get(i).startFrame()).isCloseTo(pcm.partStart(2 * i), offset(ms));
            assertThat(spans.get(i).endFrame()).isCloseTo(pcm.partStart(2 * i + 1), offset(ms));
        }
        assertThat(spans.get(0).gapFloorDbfs()).isEqualTo(-200.0);
        assertThat(events).extracting(e -> e[1]).containsExactly(1L, 0L, 1L, 0L, 1L, 0L);
        assertThat(events).extracting(e -> e[0]).isSorted();
    }

    @Test
    void aQuietStretchShorterThanTheMinimumSilenceStaysInside() {
        TestPcm pcm = new TestPcm(44_100, 1).tone(3_000, 440, -12).silence(900).tone(3_000, 440, -12);
        assertThat(segment(pcm, 1_000, new ArrayList<>()))
                .singleElement()
                .satisfies(s -> assertThat(s.endFrame()).isEqualTo(pcm.totalFrames()));
    }

    @Test
    void noiseBelowTheThresholdIsSilenceAndItsLevelIsRecorded() {
        TestPcm pcm = new TestPcm(44_100, 2)
                .tone(3_000, 440, -12)
                .noise(2_000, -60, 3)
                .tone(3_000, 440, -12);
        List<FrameSpan> spans = segment(pcm, 1_000, new ArrayList<>());
        assertThat(spans).hasSize(2);
        assertThat(spans.get(0).gapFloorDbfs()).isCloseTo(-60.0, offset(0.5));
    }

    @Test
    void leadingAndTrailingSilenceAreTrimmedButAShortLeadIsKept() {
        TestPcm pcm =
                new TestPcm(48_000, 1).silence(1_500).tone(2_000, 440, -12).silence(1_500);
        assertThat(segment(pcm, 1_000, new ArrayList<>())).singleElement().satisfies(s -> {
            assertThat(s.startFrame()).isCloseTo(pcm.partStart(1), offset(48L));
            assertThat(s.endFrame()).isCloseTo(pcm.partStart(2), offset(48L));
        });
        TestPcm shortLead = new TestPcm(48_000, 1).silence(300).tone(2_000, 440, -12);
        assertThat(segment(shortLead, 1_000, new ArrayList<>()))
                .singleElement()
                .satisfies(s -> assertThat(s.startFrame()).isZero());
    }

    @Test
    void allSilenceHasNoSegment() {
        assertThat(segment(new TestPcm(44_100, 2).silence(5_000), 1_000, new ArrayList<>()))
                .isEmpty();
    }
}
