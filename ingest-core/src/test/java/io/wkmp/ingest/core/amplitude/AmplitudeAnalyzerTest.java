package io.wkmp.ingest.core.amplitude;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.passage.PassageTiming;
import io.wkmp.ingest.core.segment.Envelope;
import io.wkmp.ingest.core.segment.EnvelopeBuilder;
import io.wkmp.ingest.core.segment.FrameSpan;
import io.wkmp.ingest.core.support.TestPcm;
import io.wkmp.ingest.core.time.Ticks;
import org.junit.jupiter.api.Test;

/** Lead and fade points from an envelope of PCM built in memory, against the closed-form fade curves. */
class AmplitudeAnalyzerTest {
    private static final int RATE = 44_100;
    private final AmplitudeAnalyzer analyzer =
            new AmplitudeAnalyzer(ImportParameters.defaults().analysis());

    private static Envelope envelope(TestPcm pcm) {
        EnvelopeBuilder b = new EnvelopeBuilder(50, -50, (env, i) -> {});
        pcm.play(b, 4096);
        return b.envelope();
    }

    /** Frames from the edge of a -60 dB exponential fade of {@code fadeFrames} at which it is {@code relDb} below full. */
    private static double at(long fadeFrames, double relDb) {
        return fadeFrames * (1 - relDb / -60);
    }

    @Test
    void exponentialFadesGiveFadeAndLeadPointsWithin10ms() {
        TestPcm pcm = new TestPcm(RATE, 2).tone(20_000, 1000, -6, 4_000, 5_000);
        long in = pcm.frames(4_000);
        long out = pcm.frames(5_000);
        long end = pcm.totalFrames();
        PassageTiming t = analyzer.analyze(envelope(pcm), new FrameSpan(0, end, Double.NaN))
                .timing();

        long tol = Ticks.fromMillis(10);
        assertThat(t.fadeInStart()).isCloseTo(ticks(at(in, -40)), offset(tol));
        assertThat(t.fadeInEnd()).isCloseTo(ticks(at(in, -6)), offset(tol));
        assertThat(t.leadIn()).isCloseTo(ticks(at(in, -12)), offset(tol));
        assertThat(t.leadOut()).isCloseTo(ticks(end - at(out, -12)), offset(tol));
        assertThat(t.fadeOutStart()).isCloseTo(ticks(end - at(out, -6)), offset(tol));
        System.out.printf(
                "fade-in start error %.2f ms, lead-out error %.2f ms%n",
                (t.fadeInStart() - ticks(at(in, -40))) / (double) Ticks.PER_MILLISECOND,
                (t.leadOut() - ticks(end - at(out, -12))) / (double) Ticks.PER_MILLISECOND);
    }

    @Test
    void aQuietRecordingIsJudgedAgainstItsOwnPeak() {
        TestPcm loud = new TestPcm(RATE, 1).tone(10_000, 500, -3, 3_000, 0);
        TestPcm quiet = new TestPcm(RATE, 1).tone(10_000, 500, -33, 3_000, 0);
        FrameSpan span = new FrameSpan(0, loud.totalFrames(), Double.NaN);
        AmplitudeAnalyzer.Result a = analyzer.analyze(envelope(loud), span);
        AmplitudeAnalyzer.Result b = analyzer.analyze(envelope(quiet), span);
        assertThat(a.summary().peakDbfs() - b.summary().peakDbfs()).isCloseTo(30.0, offset(0.2));
        assertThat(b.timing().leadIn()).isCloseTo(a.timing().leadIn(), offset(Ticks.fromMillis(5)));
        assertThat(b.timing().fadeInEnd()).isCloseTo(a.timing().fadeInEnd(), offset(Ticks.fromMillis(5)));
    }

    @Test
    void hardEdgesHaveNoFadesAndLeadsSitOnTheBounds() {
        TestPcm pcm =
                new TestPcm(48_000, 2).silence(1_000).tone(6_000, 440, -10).silence(1_000);
        FrameSpan span = new FrameSpan(pcm.partStart(1), pcm.partStart(2), Double.NaN);
        PassageTiming t = analyzer.analyze(envelope(pcm), span).timing();
        assertThat(t.fadeInStart()).isNull();
        assertThat(t.fadeOutStart()).isNull();
        assertThat(t.leadIn()).isEqualTo(t.start()).isEqualTo(Ticks.fromSamples(span.startFrame(), 48_000));
        assertThat(t.leadOut()).isEqualTo(t.end());
    }

    @Test
    void theLeadIsCappedAtItsMaximumFractionOfThePassage() {
        TestPcm pcm = new TestPcm(RATE, 1).tone(8_000, 300, -40).tone(4_000, 300, -3);
        FrameSpan span = new FrameSpan(0, pcm.totalFrames(), Double.NaN);
        PassageTiming t = analyzer.analyze(envelope(pcm), span).timing();
        assertThat(t.leadIn()).isEqualTo(ticks(Math.floor(0.25 * span.frames())));
    }

    private static long ticks(double frames) {
        return Ticks.fromSamples(Math.round(frames), RATE);
    }
}
