package io.wkmp.ingest.core.audio;

import io.wkmp.ingest.core.time.Ticks;
import java.util.Arrays;

/**
 * A file's waveform at a fixed fine resolution, {@value #PER_SECOND} cells a second: per cell the lowest and highest
 * mono sample and the RMS level, each in 16-bit units of full scale (32768 = 1.0). Built once from the import's
 * decode ({@link Builder}, a consumer of that decode) and stored, so the editor's waveform of any stretch at any
 * resolution is read from it ({@link #waveform}), never decoded again. About 600 bytes a second of audio.
 *
 * @param framesPerCell sample frames in each cell (the last may have fewer)
 * @param frames the decoded length in sample frames
 */
public record WaveformCells(int sampleRate, int framesPerCell, long frames, short[] min, short[] max, short[] rms) {
    public static final int PER_SECOND = 100;

    public WaveformCells {
        if (sampleRate <= 0 || framesPerCell <= 0 || frames < 0) {
            throw new IllegalArgumentException("sample rate and frames per cell must be > 0, frames >= 0");
        }
        if (min.length != max.length || min.length != rms.length) {
            throw new IllegalArgumentException("min, max and rms must have one value per cell");
        }
        if ((frames + framesPerCell - 1) / framesPerCell != min.length) {
            throw new IllegalArgumentException(
                    min.length + " cells do not cover " + frames + " frames at " + framesPerCell + " a cell");
        }
    }

    public int cells() {
        return min.length;
    }

    /**
     * The waveform of [{@code startTicks}, {@code endTicks}) in {@code buckets} buckets: fewer when the stretch has
     * fewer cells, none when it lies beyond the end; the end is cut to the end of the audio.
     *
     * @param endTicks end of the stretch, or -1 for the end of the audio
     */
    public Waveform waveform(long startTicks, long endTicks, int buckets) {
        requireStretch(startTicks, endTicks, buckets);
        long startFrame = Math.min(frames, Ticks.toSamples(startTicks, sampleRate));
        long endFrame = endTicks < 0 ? frames : Math.min(frames, Ticks.toSamples(endTicks, sampleRate));
        int c0 = (int) (startFrame / framesPerCell);
        int c1 = (int) Math.max(c0, (endFrame + framesPerCell - 1) / framesPerCell);
        int n = Math.min(buckets, c1 - c0);
        float[] lo = new float[n];
        float[] hi = new float[n];
        float[] level = new float[n];
        for (int b = 0; b < n; b++) {
            int from = c0 + (int) ((long) b * (c1 - c0) / n);
            int to = c0 + (int) ((long) (b + 1) * (c1 - c0) / n);
            int l = Short.MAX_VALUE, h = Short.MIN_VALUE;
            double squares = 0;
            for (int c = from; c < to; c++) {
                l = Math.min(l, min[c]);
                h = Math.max(h, max[c]);
                squares += (double) rms[c] * rms[c];
            }
            lo[b] = l / 32768f;
            hi[b] = h / 32768f;
            level[b] = (float) (Math.sqrt(squares / (to - from)) / 32768);
        }
        long end = endTicks < 0
                ? Ticks.fromSamples(frames, sampleRate)
                : Math.min(endTicks, Ticks.fromSamples(frames, sampleRate));
        return new Waveform(sampleRate, startTicks, Math.max(end, startTicks), lo, hi, level);
    }

    /**
     * Checks a waveform request: start >= 0, end after start (or -1), buckets within [1, 100000].
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static void requireStretch(long startTicks, long endTicks, int buckets) {
        Ticks.requireNonNegative(startTicks, "start");
        if (endTicks >= 0 && endTicks <= startTicks) {
            throw new IllegalArgumentException(
                    "end (" + endTicks + " ticks) must be after start (" + startTicks + " ticks)");
        }
        if (buckets < 1 || buckets > 100_000) {
            throw new IllegalArgumentException("buckets must be within [1, 100000], got " + buckets);
        }
    }

    /** Builds the cells from one decode, in memory proportional to the cells (never the samples). Not thread-safe. */
    public static final class Builder implements PcmConsumer {
        private int sampleRate;
        private int framesPerCell;
        private int channels;
        private long frames;
        private int cells;
        private short[] min = new short[1024];
        private short[] max = new short[1024];
        private short[] rms = new short[1024];
        private int inCell;
        private int cellMin;
        private int cellMax;
        private double cellSquares;

        @Override
        public void start(AudioFormat format) {
            sampleRate = format.sampleRate();
            channels = format.channels();
            framesPerCell = Math.max(1, Math.round(sampleRate / (float) PER_SECOND));
            if (format.durationTicks() > 0) {
                int expected = (int) Math.min(
                        Integer.MAX_VALUE - 8, Ticks.toSamples(format.durationTicks(), sampleRate) / framesPerCell + 2);
                min = new short[expected];
                max = new short[expected];
                rms = new short[expected];
            }
        }

        @Override
        public void accept(PcmBlock block) {
            short[] s = block.samples();
            int ch = channels;
            int n = block.frames();
            int i = 0;
            int at = 0;
            while (i < n) {
                int run = Math.min(n - i, framesPerCell - inCell);
                int lo = inCell == 0 ? Integer.MAX_VALUE : cellMin;
                int hi = inCell == 0 ? Integer.MIN_VALUE : cellMax;
                long squares = 0;
                if (ch == 2) { // the common case, without the channel loop
                    for (int end = at + 2 * run; at < end; at += 2) {
                        int sum = s[at] + s[at + 1];
                        lo = Math.min(lo, sum);
                        hi = Math.max(hi, sum);
                        squares += (long) sum * sum;
                    }
                } else {
                    for (int k = 0; k < run; k++) {
                        int sum = 0;
                        for (int c = 0; c < ch; c++) {
                            sum += s[at++];
                        }
                        lo = Math.min(lo, sum);
                        hi = Math.max(hi, sum);
                        squares += (long) sum * sum;
                    }
                }
                cellMin = lo;
                cellMax = hi;
                cellSquares += squares;
                inCell += run;
                i += run;
                if (inCell == framesPerCell) {
                    closeCell();
                }
            }
            frames += n;
        }

        private void closeCell() {
            if (cells == min.length) {
                int size = cells * 2;
                min = Arrays.copyOf(min, size);
                max = Arrays.copyOf(max, size);
                rms = Arrays.copyOf(rms, size);
            }
            min[cells] = (short) Math.floorDiv(cellMin, channels);
            max[cells] = (short) Math.floorDiv(cellMax, channels);
            rms[cells] = (short) Math.min(Short.MAX_VALUE, Math.round(Math.sqrt(cellSquares / inCell) / channels));
            cells++;
            inCell = 0;
            cellSquares = 0;
        }

        /** The cells of everything decoded so far (a last partial cell included). */
        public WaveformCells result() {
            if (inCell > 0) {
                closeCell();
            }
            return new WaveformCells(
                    sampleRate == 0 ? 1 : sampleRate,
                    framesPerCell == 0 ? 1 : framesPerCell,
                    frames,
                    Arrays.copyOf(min, cells),
                    Arrays.copyOf(max, cells),
                    Arrays.copyOf(rms, cells));
        }
    }
}
