package io.wkmp.ingest.core.audio;

import io.wkmp.ingest.core.time.Ticks;
import java.util.Arrays;

/**
 * Computes a {@link Waveform} of N buckets over [start, end) of a decoded stream, in bounded memory: it
 * keeps about four fine cells a bucket (or one cell per 5 ms when the end is unknown) and merges them at
 * the end. One instance per decode; not thread-safe.
 */
public final class WaveformPeaks implements PcmConsumer {
    private static final int FINE_PER_BUCKET = 4;

    private final long startTicks;
    private final long endTicks;
    private final int buckets;
    private int sampleRate;
    private long startFrame;
    private long endFrame;
    private long framesPerCell;
    private long framesSeen;
    private int cells;
    private float[] cellMin = new float[256];
    private float[] cellMax = new float[256];
    private double[] cellSquares = new double[256];
    private int[] cellCount = new int[256];

    /**
     * @param endTicks end of the stretch, or -1 for the end of the stream
     * @param buckets how many buckets the waveform should have (fewer when the stretch has fewer samples)
     */
    public WaveformPeaks(long startTicks, long endTicks, int buckets) {
        Ticks.requireNonNegative(startTicks, "start");
        if (endTicks >= 0 && endTicks <= startTicks) {
            throw new IllegalArgumentException(
                    "end (" + endTicks + " ticks) must be after start (" + startTicks + " ticks)");
        }
        if (buckets < 1 || buckets > 100_000) {
            throw new IllegalArgumentException("buckets must be within [1, 100000], got " + buckets);
        }
        this.startTicks = startTicks;
        this.endTicks = endTicks;
        this.buckets = buckets;
    }

    @Override
    public void start(AudioFormat format) {
        sampleRate = format.sampleRate();
        startFrame = Ticks.toSamples(startTicks, sampleRate);
        long end = endTicks >= 0 ? endTicks : format.durationTicks();
        endFrame = end > 0 ? Ticks.toSamples(end, sampleRate) : Long.MAX_VALUE;
        framesPerCell = endFrame == Long.MAX_VALUE
                ? Math.max(1, sampleRate / 200)
                : Math.max(1, (endFrame - startFrame) / ((long) buckets * FINE_PER_BUCKET));
    }

    @Override
    public void accept(PcmBlock block) {
        long first = block.firstFrame();
        for (int i = 0; i < block.frames(); i++) {
            long frame = first + i;
            if (frame < startFrame) {
                continue;
            }
            if (frame >= endFrame) {
                return;
            }
            add((int) ((frame - startFrame) / framesPerCell), (float) block.monoSample(i));
            framesSeen = Math.max(framesSeen, frame - startFrame + 1);
        }
    }

    private void add(int cell, float v) {
        if (cell >= cellMin.length) {
            int size = Math.max(cell + 1, cellMin.length * 2);
            cellMin = Arrays.copyOf(cellMin, size);
            cellMax = Arrays.copyOf(cellMax, size);
            cellSquares = Arrays.copyOf(cellSquares, size);
            cellCount = Arrays.copyOf(cellCount, size);
        }
        if (cellCount[cell] == 0) {
            cellMin[cell] = v;
            cellMax[cell] = v;
        } else {
            cellMin[cell] = Math.min(cellMin[cell], v);
            cellMax[cell] = Math.max(cellMax[cell], v);
        }
        cellSquares[cell] += (double) v * v;
        cellCount[cell]++;
        cells = Math.max(cells, cell + 1);
    }

    /** The waveform of what was decoded (empty when the stretch lies beyond the end of the stream). */
    public Waveform result() {
        int n = Math.min(buckets, cells);
        float[] min = new float[n];
        float[] max = new float[n];
        float[] rms = new float[n];
        for (int b = 0; b < n; b++) {
            int from = (int) ((long) b * cells / n);
            int to = (int) ((long) (b + 1) * cells / n);
            double squares = 0;
            long count = 0;
            float lo = 0, hi = 0;
            for (int c = from; c < to; c++) {
                if (cellCount[c] == 0) {
                    continue;
                }
                lo = count == 0 ? cellMin[c] : Math.min(lo, cellMin[c]);
                hi = count == 0 ? cellMax[c] : Math.max(hi, cellMax[c]);
                squares += cellSquares[c];
                count += cellCount[c];
            }
            min[b] = lo;
            max[b] = hi;
            rms[b] = count == 0 ? 0 : (float) Math.sqrt(squares / count);
        }
        long rate = sampleRate == 0 ? 1 : sampleRate;
        long end = sampleRate == 0 ? startTicks : Ticks.fromSamples(startFrame + framesSeen, (int) rate);
        return new Waveform((int) rate, startTicks, Math.max(end, startTicks), min, max, rms);
    }
}
