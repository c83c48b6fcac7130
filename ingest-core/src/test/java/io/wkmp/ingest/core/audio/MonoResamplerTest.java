package io.wkmp.ingest.core.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MonoResamplerTest {
    /** {@code seconds} of a stereo sine at {@code hz} and {@code rate}, amplitude 0.5, resampled to 22,050 Hz. */
    private static float[] resample(int rate, double hz, double seconds) {
        float[][] out = {new float[0]};
        int[] n = {0};
        MonoResampler r = new MonoResampler(22_050, (x, count) -> {
            if (n[0] + count > out[0].length) {
                out[0] = Arrays.copyOf(out[0], Math.max(out[0].length * 2, n[0] + count));
            }
            System.arraycopy(x, 0, out[0], n[0], count);
            n[0] += count;
        });
        r.start(new AudioFormat(rate, 2, 16, "pcm", -1));
        int total = (int) (seconds * rate);
        int block = 1234;
        for (int first = 0; first < total; first += block) {
            int frames = Math.min(block, total - first);
            short[] s = new short[frames * 2];
            for (int i = 0; i < frames; i++) {
                short v = (short) Math.round(16384 * Math.sin(2 * Math.PI * hz * (first + i) / rate));
                s[2 * i] = v;
                s[2 * i + 1] = v;
            }
            r.accept(new PcmBlock(s, frames, 2, first));
        }
        r.finish();
        return Arrays.copyOf(out[0], n[0]);
    }

    private static double rms(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += x[i] * x[i];
        }
        return Math.sqrt(s / (to - from));
    }

    @Test
    void aToneInTheOutputBandKeepsItsLevelAndPitch() {
        for (int rate : new int[] {44_100, 48_000, 96_000, 16_000}) {
            float[] y = resample(rate, 1000, 2);
            assertThat(y.length).as("%d Hz", rate).isCloseTo(44_100, within(2));
            assertThat(rms(y, 1000, y.length - 1000)).as("%d Hz", rate).isCloseTo(0.5 / Math.sqrt(2), within(0.005));
            int crossings = 0;
            for (int i = 1001; i < 1000 + 22_050; i++) {
                if (y[i - 1] < 0 && y[i] >= 0) {
                    crossings++;
                }
            }
            assertThat(crossings)
                    .as("%d Hz: upward zero crossings in 1 s", rate)
                    .isBetween(999, 1001);
        }
    }

    @Test
    void aToneAboveTheNewNyquistFrequencyIsFilteredOut() {
        float[] y = resample(44_100, 15_000, 1);
        assertThat(20 * Math.log10(rms(y, 1000, y.length - 1000)))
                .isLessThan(-50); // the tone is at -9 dBFS: at least 40 dB down
    }

    @Test
    void theSameRatePassesTheMonoSamplesThrough() {
        float[] y = resample(22_050, 440, 1);
        assertThat(y).hasSize(22_050);
        assertThat(y[100]).isEqualTo((float)
                (Math.round(16384 * Math.sin(2 * Math.PI * 440 * 100 / 22_050.0)) / 32768.0));
    }
}
