package io.wkmp.ingest.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.wkmp.ingest.core.cue.CueLookup;
import io.wkmp.ingest.core.cue.CueSheet;
import io.wkmp.ingest.core.error.AnalysisWarning;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.support.TestPcm;
import io.wkmp.ingest.core.time.Ticks;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The analyzer with a cue sheet, on in-memory PCM and a hashing fingerprinter: exact spans, exact fingerprint feeds. */
class CueAnalyzerTest {
    private static final int RATE = 48_000;
    private final TestPcm pcm = new TestPcm(RATE, 2)
            .tone(6_000, 440, -12)
            .silence(2_000)
            .tone(7_000, 550, -12)
            .silence(2_000)
            .tone(5_000, 660, -12);
    private final AudioAnalyzer analyzer = new AudioAnalyzer(
            pcm.decoder(),
            TestPcm.hashingFingerprinter(),
            ImportParameters.defaults().analysis());

    private static CueLookup cue(String text) {
        return CueLookup.of(CueSheet.parse(text), null);
    }

    @Test
    void eachCueTrackIsOnePassageFingerprintedOnExactlyItsSpan() {
        AudioAnalysis a = analyzer.analyze(Path.of("album.flac"), cue("""
                TITLE "Album"
                PERFORMER "Band"
                FILE "album.wav" WAVE
                TRACK 01 AUDIO
                TITLE "One"
                INDEX 01 00:00:00
                TRACK 02 AUDIO
                TITLE "Two"
                PERFORMER "Guest"
                INDEX 01 00:08:00
                TRACK 03 AUDIO
                INDEX 01 00:17:00
                """));

        assertThat(a.warnings()).isEmpty();
        List<AnalyzedPassage> ps = a.passages();
        long[] startsMs = {0, 8_000, 17_000};
        for (int i = 0; i < 3; i++) {
            long start = startsMs[i] * RATE / 1000;
            long end = i < 2 ? startsMs[i + 1] * RATE / 1000 : pcm.totalFrames();
            assertThat(ps.get(i).timing().start()).isEqualTo(Ticks.fromMillis(startsMs[i]));
            assertThat(ps.get(i).timing().end()).isEqualTo(Ticks.fromSamples(end, RATE));
            assertThat(ps.get(i).fingerprint().encoded()).startsWith((end - start) + ":");
        }
        assertThat(ps).extracting(p -> p.cueTrack().performer()).containsExactly("Band", "Guest", "Band");
        assertThat(ps).extracting(p -> p.cueTrack().title()).containsExactly("One", "Two", null);
        assertThat(a.cueSheet().title()).isEqualTo("Album");
    }

    @Test
    void aSheetForAnotherFileIsAWarningAndSilencesDecide() {
        AudioAnalysis a = analyzer.analyze(
                Path.of("album.flac"), cue("FILE \"other.wav\" WAVE\nTRACK 01 AUDIO\nINDEX 01 00:00:00\n"));
        assertThat(a.warnings()).extracting(AnalysisWarning::code).containsExactly(ErrorCode.CUE_SHEET_INVALID);
        assertThat(a.passages())
                .hasSize(3)
                .allSatisfy(p -> assertThat(p.cueTrack()).isNull());
        assertThat(a.passages().get(1).timing().start())
                .isCloseTo(
                        Ticks.fromSamples(pcm.partStart(2), RATE),
                        org.assertj.core.data.Offset.offset(Ticks.fromMillis(1)));
    }

    @Test
    void lookupProblemsBecomeWarningsEvenWithoutASheet() {
        AudioAnalysis a =
                analyzer.analyze(Path.of("album.flac"), new CueLookup(null, null, List.of("album.cue: broken")));
        assertThat(a.warnings()).extracting(AnalysisWarning::message).containsExactly("album.cue: broken");
        assertThat(a.passages()).hasSize(3);
    }
}
