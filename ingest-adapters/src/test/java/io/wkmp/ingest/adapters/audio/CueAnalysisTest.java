package io.wkmp.ingest.adapters.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.wkmp.ingest.adapters.chromaprint.ChromaprintFingerprinter;
import io.wkmp.ingest.adapters.ffmpeg.FfmpegAudioDecoder;
import io.wkmp.ingest.core.analysis.AnalyzedPassage;
import io.wkmp.ingest.core.analysis.AnalyzedPassage.CueTrackInfo;
import io.wkmp.ingest.core.analysis.AudioAnalysis;
import io.wkmp.ingest.core.analysis.AudioAnalyzer;
import io.wkmp.ingest.core.analysis.FingerprintStatus;
import io.wkmp.ingest.core.cue.CueSheets;
import io.wkmp.ingest.core.cue.CueTrack;
import io.wkmp.ingest.core.error.AnalysisWarning;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.segment.Segment;
import io.wkmp.ingest.core.time.Ticks;
import io.wkmp.ingest.testkit.audio.AudioEncoder;
import io.wkmp.ingest.testkit.audio.AudioSynth;
import io.wkmp.ingest.testkit.audio.EncodedFormat;
import io.wkmp.ingest.testkit.audio.SynthAudio;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Single-file albums with cue sheets: synthesized audio encoded by ffmpeg, cue files written beside it. */
class CueAnalysisTest {
    private static final int RATE = 44_100;
    /** Track starts of {@link #album()}: 0 s, 16 s, 30 s (whole CD frames). */
    private static final long[] STARTS_MS = {0, 16_000, 30_000};

    @TempDir
    Path dir;

    private final AudioAnalyzer analyzer = new AudioAnalyzer(
            new FfmpegAudioDecoder(),
            new ChromaprintFingerprinter(),
            ImportParameters.defaults().analysis());

    private static SynthAudio album() {
        return AudioSynth.builder(RATE, 2)
                .music(14_000, 1)
                .silence(2_000)
                .music(12_000, 2)
                .silence(2_000)
                .music(16_000, 3)
                .build();
    }

    private Path flac(SynthAudio audio, String stem) {
        Path wav = audio.writeWav(dir.resolve(stem + ".wav"));
        Path flac = AudioEncoder.encode(wav, EncodedFormat.FLAC, Map.of());
        try {
            Files.delete(wav);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return flac;
    }

    private static String cue(String file, long... startsMs) {
        StringBuilder sb = new StringBuilder("REM DATE 1980\nPERFORMER \"Motörhead\"\nTITLE \"Ace of Spades\"\n")
                .append("FILE \"")
                .append(file)
                .append("\" WAVE\n");
        String[] titles = {"Ace of Spades", "Love Me Like a Reptile", "Shoot You in the Back"};
        for (int i = 0; i < startsMs.length; i++) {
            sb.append(String.format(
                    "  TRACK %02d AUDIO%n    TITLE \"%s\"%n    INDEX 01 %s%n",
                    i + 1, titles[i % 3], CueTrack.format(startsMs[i] * 75 / 1000)));
        }
        return sb.toString();
    }

    @Test
    void passagesFollowTheCueToTheSampleWithTitlesAndFingerprints() throws Exception {
        SynthAudio audio = album();
        Path file = flac(audio, "album");
        Files.writeString(dir.resolve("album.cue"), cue("album.wav", STARTS_MS)); // EAC names the WAV it ripped

        AudioAnalysis a = analyzer.analyze(file, CueSheets.lookup(file));

        assertThat(a.warnings()).isEmpty();
        assertThat(a.cueSheetValue())
                .hasValueSatisfying(c -> assertThat(c.title()).isEqualTo("Ace of Spades"));
        List<AnalyzedPassage> ps = a.passages();
        assertThat(ps).hasSize(3);
        for (int i = 0; i < 3; i++) {
            long cueTicks = Ticks.fromMillis(STARTS_MS[i]);
            assertThat(ps.get(i).timing().start())
                    .as("start of track %d", i + 1)
                    .isEqualTo(cueTicks)
                    .isEqualTo(Ticks.fromSamples(audio.partStartFrame(2 * i), RATE));
            assertThat(ps.get(i).timing().end())
                    .isEqualTo(i < 2 ? Ticks.fromMillis(STARTS_MS[i + 1]) : a.durationTicks());
            assertThat(ps.get(i).fingerprintStatus()).isEqualTo(FingerprintStatus.OK);
            assertThat(ps.get(i).cueTrack().number()).isEqualTo(i + 1);
            assertThat(ps.get(i).cueTrack().performer()).isEqualTo("Motörhead");
            Segment detected = a.detectedSegments().get(i);
            System.out.printf(
                    "cue track %d: cue start %s, detected start %s, difference %d ms%n",
                    i + 1,
                    Ticks.format(cueTicks),
                    Ticks.format(detected.startTicks()),
                    Ticks.toMillis(cueTicks - detected.startTicks()));
        }
        assertThat(ps)
                .extracting(p -> p.cueTrack().title())
                .containsExactly("Ace of Spades", "Love Me Like a Reptile", "Shoot You in the Back");
        assertThat(ps.stream().map(p -> p.fingerprint().encoded()).distinct()).hasSize(3);
    }

    @Test
    void aCueOneAndAHalfSecondsOffTheGapsStillRulesButTheDisagreementIsRecorded() throws Exception {
        // the music of tracks 2 and 3 starts 1.5 s after the cue's INDEX 01 (16 s, 30 s): 17.5 s and 31.5 s
        SynthAudio late = AudioSynth.builder(RATE, 2)
                .music(14_000, 1)
                .silence(3_500)
                .music(12_000, 2)
                .silence(2_000)
                .music(16_000, 3)
                .build();
        Path file = flac(late, "off");
        Files.writeString(dir.resolve("off.cue"), cue("off.flac", STARTS_MS));

        AudioAnalysis a = analyzer.analyze(file, CueSheets.lookup(file));

        assertThat(a.passages())
                .extracting(p -> p.timing().start())
                .containsExactly(0L, Ticks.fromMillis(16_000), Ticks.fromMillis(30_000));
        assertThat(a.passages()).extracting(p -> p.cueTrack().number()).containsExactly(1, 2, 3);
        assertThat(a.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo(ErrorCode.CUE_SHEET_INVALID);
            assertThat(w.message())
                    .contains(
                            "track 1 +0 ms", "track 2 -1500 ms", "track 3 -1500 ms", "cue sheet's boundaries are used");
        });
        System.out.println("disagreement warning: " + a.warnings().get(0).message());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unparsable          | FILE "broken.flac" WAVE\\nTRACK 01 AUDIO\\nINDEX 01 zz:00:00\\n                                         | malformed time
            names another file  | FILE "other album.flac" WAVE\\nTRACK 01 AUDIO\\nINDEX 01 00:00:00\\n                                   | does not name broken.flac
            index beyond end    | FILE "broken.flac" WAVE\\nTRACK 01 AUDIO\\nINDEX 01 00:00:00\\nTRACK 02 AUDIO\\nINDEX 01 05:00:00\\n   | beyond the end
            non-increasing      | FILE "broken.flac" WAVE\\nTRACK 01 AUDIO\\nINDEX 01 00:16:00\\nTRACK 02 AUDIO\\nINDEX 01 00:10:00\\n   | does not come after
            """)
    void aBrokenCueIsAWarningAndSilenceDetectionStands(String what, String text, String reason) throws Exception {
        SynthAudio audio = album();
        Path file = flac(audio, "broken");
        Files.writeString(dir.resolve("broken.cue"), text.replace("\\n", "\n"));

        AudioAnalysis a = analyzer.analyze(file, CueSheets.lookup(file));

        assertThat(a.warnings()).extracting(AnalysisWarning::code).containsExactly(ErrorCode.CUE_SHEET_INVALID);
        assertThat(a.warnings().get(0).message()).contains(reason);
        assertThat(a.cueSheet()).isNull();
        assertThat(a.passages())
                .hasSize(3)
                .allSatisfy(p -> assertThat(p.cueTrack()).isNull());
        for (int i = 0; i < 3; i++) {
            assertThat(a.passages().get(i).timing().start())
                    .isCloseTo(Ticks.fromSamples(audio.partStartFrame(2 * i), RATE), offset(Ticks.fromMillis(10)));
        }
    }

    @Test
    void aLatin1CueIsReadCorrectly() throws Exception {
        Path file = flac(album(), "Motörhead - Ace of Spades");
        String text =
                cue("Motörhead - Ace of Spades.wav", STARTS_MS).replace("Shoot You in the Back", "Jäilbait – Überkill");
        Files.write(dir.resolve("Motörhead - Ace of Spades.cue"), text.getBytes(Charset.forName("windows-1252")));

        AudioAnalysis a = analyzer.analyze(file, CueSheets.lookup(file));

        assertThat(a.warnings()).isEmpty();
        assertThat(a.cueSheet().performer()).isEqualTo("Motörhead");
        assertThat(a.passages())
                .extracting(AnalyzedPassage::cueTrack)
                .extracting(CueTrackInfo::title)
                .containsExactly("Ace of Spades", "Love Me Like a Reptile", "Jäilbait – Überkill");
    }

    @Test
    void hiddenAudioBeforeTrackOneBecomesItsOwnPassageButASilentPregapDoesNot() throws Exception {
        SynthAudio hidden = AudioSynth.builder(RATE, 2)
                .music(8_000, 7)
                .silence(2_000)
                .music(14_000, 1)
                .silence(2_000)
                .music(12_000, 2)
                .build();
        Path file = flac(hidden, "htoa");
        Files.writeString(dir.resolve("htoa.cue"), cue("htoa.flac", 10_000, 26_000), StandardCharsets.UTF_8);

        List<AnalyzedPassage> ps =
                analyzer.analyze(file, CueSheets.lookup(file)).passages();

        assertThat(ps).extracting(p -> p.cueTrack().number()).containsExactly(0, 1, 2);
        assertThat(ps.get(0).timing().start()).isZero();
        assertThat(ps.get(0).timing().end()).isEqualTo(Ticks.fromMillis(10_000));
        assertThat(ps.get(0).fingerprintStatus()).isEqualTo(FingerprintStatus.OK);

        SynthAudio quiet = AudioSynth.builder(RATE, 2)
                .silence(2_000)
                .music(14_000, 1)
                .silence(2_000)
                .music(12_000, 2)
                .build();
        Path quietFile = flac(quiet, "pregap");
        Files.writeString(dir.resolve("pregap.cue"), cue("pregap.flac", 2_000, 18_000));
        List<AnalyzedPassage> qs =
                analyzer.analyze(quietFile, CueSheets.lookup(quietFile)).passages();
        assertThat(qs).extracting(p -> p.cueTrack().number()).containsExactly(1, 2);
        assertThat(qs.get(0).timing().start()).isEqualTo(Ticks.fromMillis(2_000));
    }

    @Test
    void withoutACueTheAnalyzerIsUnchanged() {
        SynthAudio audio = album();
        Path file = flac(audio, "plain");
        AudioAnalysis a = analyzer.analyze(file, CueSheets.lookup(file));
        assertThat(a.warnings()).isEmpty();
        assertThat(a.cueSheet()).isNull();
        assertThat(a.passages())
                .hasSize(3)
                .allSatisfy(p -> assertThat(p.cueTrack()).isNull());
    }
}
