package io.wkmp.ingest.testkit.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChromaprintCodecTest {
    @TempDir
    Path dir;

    @Test
    void decodesWhatFpcalcCompressesToWhatFpcalcPrintsRaw() throws Exception {
        Path wav = SongSynth.writeWav(dir.resolve("a.wav"), 7, 40);
        String encoded = fpcalcValue(wav, false);
        int[] raw = Arrays.stream(fpcalcValue(wav, true).split(","))
                .mapToLong(Long::parseLong)
                .mapToInt(l -> (int) l)
                .toArray();

        assertThat(raw.length).isGreaterThan(250);
        assertThat(ChromaprintCodec.decode(encoded)).containsExactly(raw);
        assertThat(ChromaprintCodec.encode(raw, 1)).isEqualTo(encoded);
    }

    @Test
    void differentSongsAreDissimilarAndTheSameSongIsIdentical() throws Exception {
        int[] a = ChromaprintCodec.decode(fpcalcValue(SongSynth.writeWav(dir.resolve("a.wav"), 1, 30), false));
        int[] a2 = ChromaprintCodec.decode(fpcalcValue(SongSynth.writeWav(dir.resolve("a2.wav"), 1, 30), false));
        int[] b = ChromaprintCodec.decode(fpcalcValue(SongSynth.writeWav(dir.resolve("b.wav"), 2, 30), false));

        assertThat(ChromaprintCodec.similarity(a, a2)).isEqualTo(1.0);
        assertThat(ChromaprintCodec.similarity(a, b)).isLessThan(0.75);
    }

    @Test
    void rejectsGarbage() {
        assertThatThrownBy(() -> ChromaprintCodec.decode("!!!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChromaprintCodec.decode("AQAAEA")).isInstanceOf(IllegalArgumentException.class);
    }

    static String fpcalcValue(Path wav, boolean raw) throws IOException, InterruptedException {
        List<String> cmd = raw ? List.of("fpcalc", "-raw", wav.toString()) : List.of("fpcalc", wav.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(); // fpcalc exits 3 on a harmless end-of-file decode note and still prints the fingerprint
        return out.lines()
                .filter(l -> l.startsWith("FINGERPRINT="))
                .findFirst()
                .orElseThrow()
                .substring("FINGERPRINT=".length());
    }
}
