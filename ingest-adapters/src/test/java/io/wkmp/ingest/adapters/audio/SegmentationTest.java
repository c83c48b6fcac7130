package io.wkmp.ingest.adapters.audio;

import static org.assertj.core.api.Assertions.assertThat;

import io.wkmp.ingest.adapters.chromaprint.ChromaprintFingerprinter;
import io.wkmp.ingest.adapters.ffmpeg.FfmpegAudioDecoder;
import io.wkmp.ingest.core.analysis.AnalyzedPassage;
import io.wkmp.ingest.core.analysis.AudioAnalysis;
import io.wkmp.ingest.core.analysis.AudioAnalyzer;
import io.wkmp.ingest.core.analysis.FingerprintStatus;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.time.Ticks;
import io.wkmp.ingest.testkit.audio.AudioSynth;
import io.wkmp.ingest.testkit.audio.SynthAudio;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Silence detection and segmentation on synthetic files, decoded by ffmpeg, fingerprinted by libchromaprint. */
class SegmentationTest {
    private static final long TOLERANCE_TICKS = Ticks.fromMillis(10);

    @TempDir
    Path dir;

    private final AudioAnalyzer analyzer = new AudioAnalyzer(
            new FfmpegAudioDecoder(),
            new ChromaprintFingerprinter(),
            ImportParameters.defaults().analysis());

    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000, 96_000})
    void cdStyleFileSplitsIntoItsTracksWithin10ms(int rate) {
        SynthAudio cd = AudioSynth.builder(rate, 2)
                .music(14_000, 1)
                .silence(2_000)
                .music(12_000, 2)
                .silence(2_000)
                .music(16_000, 3)
                .silence(2_000)
                .music(11_000, 4)
                .build();
        AudioAnalysis a = analyzer.analyze(cd.writeWav(dir.resolve("cd-" + rate + ".wav")));

        assertThat(a.format().sampleRate()).isEqualTo(rate);
        assertThat(a.passages()).hasSize(4);
        for (int t = 0; t < 4; t++) {
            AnalyzedPassage p = a.passages().get(t);
            System.out.printf(
                    "CD-style %d Hz track %d: start error %+.3f ms, end error %+.3f ms%n",
                    rate,
                    t + 1,
                    (p.timing().start() - Ticks.fromSamples(cd.partStartFrame(2 * t), rate))
                            / (double) Ticks.PER_MILLISECOND,
                    (p.timing().end() - Ticks.fromSamples(cd.partEndFrame(2 * t), rate))
                            / (double) Ticks.PER_MILLISECOND);
            assertThat(p.timing().start())
                    .as("start of track %d", t + 1)
                    .isCloseTo(
                            Ticks.fromSamples(cd.partStartFrame(2 * t), rate),
                            org.assertj.core.data.Offset.offset(TOLERANCE_TICKS));
            assertThat(p.timing().end())
                    .as("end of track %d", t + 1)
                    .isCloseTo(
                            Ticks.fromSamples(cd.partEndFrame(2 * t), rate),
                            org.assertj.core.data.Offset.offset(TOLERANCE_TICKS));
            assertThat(p.fingerprintStatus()).isEqualTo(FingerprintStatus.OK);
        }
        assertThat(a.passages().stream().map(p -> p.fingerprint().encoded()).distinct())
                .hasSize(4);
        assertThat(a.detectedSegments().get(0).gapFloorDbfs()).isEqualTo(-200.0);
    }

    @Test
    void gapsOfQuietNoiseAreFoundButAQuietInterludeDoesNotSplit() {
        SynthAudio audio = AudioSynth.builder(44_100, 2)
                .music(12_000, 5)
                .noise(2_500, -55, 9)
                .music(6_000, 6)
                .tone(3_000, 440, -45)
                .music(6_000, 7)
                .build();
        AudioAnalysis a = analyzer.analyze(audio.writeWav(dir.resolve("noise-gap.wav")));

        assertThat(a.passages()).hasSize(2);
        assertThat(a.passages().get(0).timing().end())
                .isCloseTo(
                        Ticks.fromSamples(audio.partEndFrame(0), 44_100),
                        org.assertj.core.data.Offset.offset(TOLERANCE_TICKS));
        assertThat(a.passages().get(1).timing().start())
                .isCloseTo(
                        Ticks.fromSamples(audio.partStartFrame(2), 44_100),
                        org.assertj.core.data.Offset.offset(TOLERANCE_TICKS));
        assertThat(a.passages().get(1).timing().end()).isEqualTo(a.durationTicks());
        assertThat(a.detectedSegments().get(0).gapFloorDbfs()).isBetween(-56.0, -54.0);
    }

    @Test
    void aFileWithoutGapIsOnePassageAndSilenceIsNoAudio() {
        SynthAudio music = AudioSynth.builder(48_000, 1).music(20_000, 11).build();
        AudioAnalysis one = analyzer.analyze(music.writeWav(dir.resolve("one.wav")));
        assertThat(one.passages()).hasSize(1);
        assertThat(one.passages().get(0).timing().start()).isZero();
        assertThat(one.passages().get(0).timing().end()).isEqualTo(Ticks.fromSamples(music.totalFrames(), 48_000));
        assertThat(one.noAudio()).isFalse();

        AudioAnalysis silent = analyzer.analyze(
                AudioSynth.builder(44_100, 2).silence(5_000).build().writeWav(dir.resolve("s.wav")));
        assertThat(silent.noAudio()).isTrue();
        assertThat(silent.passages()).isEmpty();
        assertThat(silent.warnings()).extracting(w -> w.code()).containsExactly(ErrorCode.NO_AUDIO);
    }

    @Test
    void passagesBelowTheMinimumAreDroppedAndShortOnesAreNotFingerprintable() {
        SynthAudio audio = AudioSynth.builder(44_100, 2)
                .music(500, 21)
                .silence(2_000)
                .music(1_500, 22)
                .silence(2_000)
                .music(15_000, 23)
                .build();
        AudioAnalysis a = analyzer.analyze(audio.writeWav(dir.resolve("short.wav")));

        assertThat(a.detectedSegments()).hasSize(3);
        List<AnalyzedPassage> ps = a.passages();
        assertThat(ps).hasSize(2);
        assertThat(ps.get(0).fingerprintStatus()).isEqualTo(FingerprintStatus.NOT_FINGERPRINTABLE);
        assertThat(ps.get(0).fingerprint()).isNull();
        assertThat(ps.get(1).fingerprintStatus()).isEqualTo(FingerprintStatus.OK);
        assertThat(a.warnings()).extracting(w -> w.code()).containsExactly(ErrorCode.NOT_FINGERPRINTABLE);
    }

    @Test
    void aQuietIntroBeforeNearSilenceJoinsTheSongAsItsLeadIn() {
        // the real-music case: 1.3 s of a quiet phrase at -34 dBFS, then 1.1 s of -62 dBFS near-silence, then the song
        SynthAudio audio = AudioSynth.builder(44_100, 2)
                .tone(1_300, 523, -34)
                .noise(1_100, -62, 31)
                .music(20_000, 32)
                .build();
        AudioAnalysis a = analyzer.analyze(audio.writeWav(dir.resolve("quiet-intro.wav")));

        assertThat(a.passages()).singleElement().satisfies(p -> {
            assertThat(p.timing().start()).isZero();
            assertThat(p.timing().end()).isEqualTo(a.durationTicks());
            assertThat(p.fingerprintStatus()).isEqualTo(FingerprintStatus.OK);
            // the intro is the passage's lead-in: the song proper starts after it
            assertThat(p.timing().leadIn()).isNotNull().isGreaterThanOrEqualTo(Ticks.fromMillis(2_000));
        });
        assertThat(a.detectedSegments()).hasSize(1);
        assertThat(a.warnings()).isEmpty();

        // the same file with the intro as loud as the song: two songs, two passages
        SynthAudio loud = AudioSynth.builder(44_100, 2)
                .music(3_000, 33)
                .silence(1_100)
                .music(20_000, 32)
                .build();
        assertThat(analyzer.analyze(loud.writeWav(dir.resolve("loud-intro.wav")))
                        .passages())
                .hasSize(2);
    }

    @Test
    void aClickAfterTheSongJoinsItButAHiddenTrackAfterLongSilenceSplits() {
        SynthAudio audio = AudioSynth.builder(44_100, 2)
                .music(15_000, 41)
                .silence(1_500)
                .tone(300, 1000, -40)
                .noise(40_000, -72, 42)
                .music(12_000, 43)
                .build();
        AudioAnalysis a = analyzer.analyze(audio.writeWav(dir.resolve("hidden.wav")));

        assertThat(a.passages()).hasSize(2);
        assertThat(a.passages().get(0).timing().end())
                .as("the click is the first passage's lead-out")
                .isCloseTo(
                        Ticks.fromSamples(audio.partEndFrame(2), 44_100),
                        org.assertj.core.data.Offset.offset(TOLERANCE_TICKS));
        assertThat(a.passages().get(1).timing().start())
                .as("the hidden track is a passage of its own")
                .isCloseTo(
                        Ticks.fromSamples(audio.partStartFrame(4), 44_100),
                        org.assertj.core.data.Offset.offset(TOLERANCE_TICKS));
        assertThat(a.passages())
                .allSatisfy(p -> assertThat(p.fingerprintStatus()).isEqualTo(FingerprintStatus.OK));
    }
}
