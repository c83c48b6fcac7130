package io.wkmp.ingest.core.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.wkmp.ingest.core.time.Ticks;
import org.junit.jupiter.api.Test;

class WaveformCellsTest {
    private static final int RATE = 8000;

    /** 1 s of silence, 1 s of a half-scale square wave, 1 s of silence, fed in odd-sized blocks. */
    private static WaveformCells feed(long declaredDuration) {
        WaveformCells.Builder b = new WaveformCells.Builder();
        b.start(new AudioFormat(RATE, 2, 16, "pcm", declaredDuration));
        int total = 3 * RATE;
        int block = 777;
        for (int first = 0; first < total; first += block) {
            int frames = Math.min(block, total - first);
            short[] s = new short[frames * 2];
            for (int i = 0; i < frames; i++) {
                int f = first + i;
                short v = f >= RATE && f < 2 * RATE ? (short) ((f / 4) % 2 == 0 ? 16384 : -16384) : 0;
                s[2 * i] = v;
                s[2 * i + 1] = v;
            }
            b.accept(new PcmBlock(s, frames, 2, first));
        }
        b.finish();
        return b.result();
    }

    @Test
    void bucketsShowWhereTheSoundIs() {
        WaveformCells cells = feed(3 * Ticks.PER_SECOND);
        assertThat(cells.cells()).isEqualTo(3 * WaveformCells.PER_SECOND);
        Waveform w = cells.waveform(0, -1, 30);
        assertThat(w.buckets()).isEqualTo(30);
        assertThat(w.max()[5]).isZero();
        assertThat(w.max()[15]).isEqualTo(0.5f);
        assertThat(w.min()[15]).isEqualTo(-0.5f);
        assertThat(w.rmsDbfs(15)).isCloseTo(-6.02, within(0.05));
        assertThat(w.rmsDbfs(25)).isEqualTo(-120.0);
        assertThat(w.endTicks()).isEqualTo(3 * Ticks.PER_SECOND);
    }

    @Test
    void aStretchIsMeasuredAlone() {
        Waveform w = feed(-1).waveform(Ticks.PER_SECOND, 2 * Ticks.PER_SECOND, 10);
        assertThat(w.buckets()).isEqualTo(10);
        for (int b = 0; b < 10; b++) {
            assertThat(w.max()[b]).isEqualTo(0.5f);
        }
        assertThat(w.startTicks()).isEqualTo(Ticks.PER_SECOND);
        assertThat(w.endTicks()).isEqualTo(2 * Ticks.PER_SECOND);
        assertThat(w.peakRmsDbfs()).isCloseTo(-6.02, within(0.05));
    }

    @Test
    void moreBucketsThanCellsGiveOneBucketPerCell() {
        Waveform w = feed(-1).waveform(Ticks.PER_SECOND, Ticks.PER_SECOND + Ticks.PER_SECOND / 10, 1000);
        assertThat(w.buckets()).isEqualTo(WaveformCells.PER_SECOND / 10);
    }

    @Test
    void aStretchBeyondTheEndIsEmptyAndOneRunningPastItIsCut() {
        WaveformCells cells = feed(-1);
        Waveform w = cells.waveform(10 * Ticks.PER_SECOND, 11 * Ticks.PER_SECOND, 10);
        assertThat(w.buckets()).isZero();
        assertThat(w.peakRmsDbfs()).isEqualTo(-120.0);
        assertThat(cells.waveform(2 * Ticks.PER_SECOND, 5 * Ticks.PER_SECOND, 10)
                        .endTicks())
                .isEqualTo(3 * Ticks.PER_SECOND);
    }

    @Test
    void refusesBadArguments() {
        WaveformCells cells = feed(-1);
        assertThatThrownBy(() -> cells.waveform(5, 5, 10)).hasMessageContaining("must be after start");
        assertThatThrownBy(() -> cells.waveform(0, -1, 0)).hasMessageContaining("buckets");
    }
}
