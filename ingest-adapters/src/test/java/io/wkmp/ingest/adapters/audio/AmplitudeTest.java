package io.wkmp.ingest.adapters.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.wkmp.ingest.adapters.chromaprint.ChromaprintFingerprinter;
import io.wkmp.ingest.adapters.ffmpeg.FfmpegAudioDecoder;
import io.wkmp.ingest.core.analysis.AnalyzedPassage;
import io.wkmp.ingest.core.analysis.AudioAnalysis;
import io.wkmp.ingest.core.analysis.AudioAnalyzer;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.passage.PassageTiming;
import io.wkmp.ingest.core.time.Ticks;
import io.wkmp.ingest.testkit.audio.AudioSynth;
import io.wkmp.ingest.testkit.audio.Part;
import io.wkmp.ingest.testkit.audio.Part.Fade.Shape;
import io.wkmp.ingest.testkit.audio.SynthAudio;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lead-in/out and natural fade points against the values computed from the synthetic envelope. */
class AmplitudeTest {
    private static final int RATE = 44_100;
    private static final long TEN_MS = Ticks.fromMillis(10);

    @TempDir
    Path dir;

    private final AudioAnalyzer analyzer = new AudioAnalyzer(
            new FfmpegAudioDecoder(),
            new ChromaprintFingerprinter(),
            ImportParameters.defaults().analysis());

    @Test
    void fadePointsAndLeadPointsMatchTheSyntheticEnvelopeWithin10ms() {
        SynthAudio audio = AudioSynth.builder(RATE, 2)
                .silence(2_000)
                .fadeInNext(4_000, -60, Shape.EXPONENTIAL)
                .tone(17_000, 1000, -6)
                .fadeOutLast(5_000, -60, Shape.EXPONENTIAL)
                .silence(2_000)
                .build();
        AudioAnalysis a = analyzer.analyze(audio.writeWav(dir.resolve("fades.wav")));
        assertThat(a.passages()).hasSize(1);
        AnalyzedPassage p = a.passages().get(0);
        Part tone = audio.parts().get(1);
        long toneStart = audio.partStartFrame(1);
        long toneEnd = audio.partEndFrame(1);

        assertThat(p.amplitude().peakDbfs()).isCloseTo(-6.0, offset(0.1));
        PassageTiming t = p.timing();
        assertThat(t.start()).isCloseTo(ticks(toneStart + tone.fadeIn().framesAt(-44)), offset(TEN_MS));
        assertThat(t.end()).isCloseTo(ticks(toneEnd - tone.fadeOut().framesAt(-44)), offset(TEN_MS));
        assertThat(t.fadeInStart()).isCloseTo(ticks(toneStart + tone.fadeIn().framesAt(-40)), offset(TEN_MS));
        assertThat(t.fadeInEnd()).isCloseTo(ticks(toneStart + tone.fadeIn().framesAt(-6)), offset(TEN_MS));
        assertThat(t.leadIn()).isCloseTo(ticks(toneStart + tone.fadeIn().framesAt(-12)), offset(TEN_MS));
        assertThat(t.leadOut()).isCloseTo(ticks(toneEnd - tone.fadeOut().framesAt(-12)), offset(TEN_MS));
        assertThat(t.fadeOutStart()).isCloseTo(ticks(toneEnd - tone.fadeOut().framesAt(-6)), offset(TEN_MS));
        assertChains(t);
        assertThat(p.amplitude().parametersUsed()).containsEntry("lead_in_threshold_db", "-12.0");
    }

    @Test
    void hardStartsAndEndsHaveNoFadesAndLeadsAtTheBounds() {
        SynthAudio audio = AudioSynth.builder(RATE, 2).tone(10_000, 1000, -10).build();
        PassageTiming t = analyzer.analyze(audio.writeWav(dir.resolve("hard.wav")))
                .passages()
                .get(0)
                .timing();

        assertThat(t.fadeInStart()).isNull();
        assertThat(t.fadeInEnd()).isNull();
        assertThat(t.fadeOutStart()).isNull();
        assertThat(t.leadIn()).isEqualTo(t.start());
        assertThat(t.leadOut()).isEqualTo(t.end());
    }

    @Test
    void aLongQuietIntroIsCappedAtTheLeadMaximumAndChainsHoldOnEveryPassage() {
        SynthAudio audio = AudioSynth.builder(RATE, 2)
                .tone(6_000, 500, -40)
                .music(6_000, 3, -3)
                .silence(2_000)
                .fadeInNext(3_000, -50, Shape.LINEAR)
                .music(10_000, 4)
                .fadeOutLast(3_000, -50, Shape.LINEAR)
                .build();
        AudioAnalysis a = analyzer.analyze(audio.writeWav(dir.resolve("capped.wav")));
        assertThat(a.passages()).hasSize(2);
        PassageTiming first = a.passages().get(0).timing();
        assertThat(first.leadIn() - first.start()).isCloseTo(first.duration() / 4, offset(Ticks.perSample(RATE)));
        a.passages().forEach(p -> assertChains(p.timing()));
        assertThat(a.passages().get(1).timing().fadeInEnd()).isNotNull();
        assertThat(a.passages().get(1).timing().fadeOutStart()).isNotNull();
    }

    private static long ticks(double frames) {
        return Ticks.fromSamples(Math.round(frames), RATE);
    }

    static void assertChains(PassageTiming t) {
        assertThat(t.leadIn()).isBetween(t.start(), t.end());
        assertThat(t.leadOut()).isBetween(t.leadIn(), t.end());
        if (t.fadeInStart() != null) {
            assertThat(t.fadeInStart()).isBetween(t.start(), t.fadeInEnd());
            assertThat(t.fadeInEnd()).isLessThanOrEqualTo(t.fadeOutStart() != null ? t.fadeOutStart() : t.end());
        }
        if (t.fadeOutStart() != null) {
            assertThat(t.fadeOutStart()).isBetween(t.start(), t.end());
        }
    }
}
