package io.wkmp.ingest.adapters.audio;

import static org.assertj.core.api.Assertions.assertThat;

import io.wkmp.ingest.adapters.chromaprint.ChromaprintFingerprinter;
import io.wkmp.ingest.adapters.ffmpeg.FfmpegAudioDecoder;
import io.wkmp.ingest.core.analysis.AudioAnalysis;
import io.wkmp.ingest.core.analysis.AudioAnalyzer;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.port.Fingerprinter.Fingerprint;
import io.wkmp.ingest.testkit.audio.AudioEncoder;
import io.wkmp.ingest.testkit.audio.AudioSynth;
import io.wkmp.ingest.testkit.audio.EncodedFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The pipeline's fingerprint of a file's first 120 s equals {@code fpcalc -raw} on the same file: identical
 * for lossless input; for lossy codecs fpcalc's own float-to-int16 conversion can flip a few bits on
 * synthetic tones, so those assert a bit similarity of at least 0.999 and print the figure.
 */
class FpcalcEquivalenceTest {
    @TempDir
    static Path dir;

    static Path wav;

    private final AudioAnalyzer analyzer = new AudioAnalyzer(
            new FfmpegAudioDecoder(),
            new ChromaprintFingerprinter(),
            ImportParameters.defaults().analysis());

    @BeforeAll
    static void synthesize() {
        wav = AudioSynth.builder(44_100, 2).music(130_000, 42).build().writeWav(dir.resolve("song.wav"));
    }

    @ParameterizedTest
    @EnumSource(
            value = EncodedFormat.class,
            names = {"WAV", "FLAC", "MP3", "OGG", "M4A", "OPUS"})
    void rawFingerprintEqualsFpcalc(EncodedFormat format) throws Exception {
        Path file = format == EncodedFormat.WAV ? wav : AudioEncoder.encode(wav, format, Map.of());
        AudioAnalysis a = analyzer.analyze(file);
        assertThat(a.passages()).hasSize(1);
        Fingerprint ours = a.passages().get(0).fingerprint();

        Fpcalc theirs = Fpcalc.run(file);
        double similarity = similarity(ours.raw(), theirs.raw);
        System.out.printf(
                "%s: %d items ours, %d fpcalc, bit similarity %.5f, compressed equal %b%n",
                format,
                ours.raw().length,
                theirs.raw.length,
                similarity,
                ours.encoded().equals(theirs.encoded));
        assertThat(ours.raw().length).isEqualTo(theirs.raw.length);
        assertThat(similarity).as("similarity for %s", format).isGreaterThanOrEqualTo(0.999);
        if (format == EncodedFormat.WAV || format == EncodedFormat.FLAC) {
            assertThat(ours.raw()).as("lossless input: raw items identical").isEqualTo(theirs.raw);
            assertThat(ours.encoded()).isEqualTo(theirs.encoded);
        }
    }

    /** 1 - bit error rate over the common length, scaled by the length ratio. */
    static double similarity(int[] a, int[] b) {
        int n = Math.min(a.length, b.length);
        long diff = 0;
        for (int i = 0; i < n; i++) {
            diff += Integer.bitCount(a[i] ^ b[i]);
        }
        return (1 - diff / (32.0 * n)) * n / Math.max(a.length, b.length);
    }

    /** What fpcalc prints. */
    record Fpcalc(int[] raw, String encoded) {
        static Fpcalc run(Path file) throws IOException, InterruptedException {
            return new Fpcalc(
                    parseRaw(exec("fpcalc", "-raw", "-length", "120", file.toString())),
                    value(exec("fpcalc", "-length", "120", file.toString()), "FINGERPRINT="));
        }

        private static int[] parseRaw(String out) {
            return Arrays.stream(value(out, "FINGERPRINT=").split(","))
                    .mapToInt(s -> (int) Long.parseLong(s))
                    .toArray();
        }

        private static String value(String out, String key) {
            return out.lines()
                    .filter(l -> l.startsWith(key))
                    .findFirst()
                    .orElseThrow()
                    .substring(key.length());
        }

        private static String exec(String... cmd) throws IOException, InterruptedException {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as("fpcalc exit: %s", out).isZero();
            return out;
        }
    }
}
