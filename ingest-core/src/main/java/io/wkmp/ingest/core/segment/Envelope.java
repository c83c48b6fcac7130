package io.wkmp.ingest.core.segment;

import java.util.Arrays;

/**
 * A file's short-term RMS envelope: one mean-square value per fixed window of {@code windowFrames}
 * frames, plus, per window, where its first and last "loud" samples lie, so boundaries can be placed
 * to the sample without keeping any PCM. A few bytes per window; grows with the file, never with PCM.
 */
public final class Envelope {
    /** Offset value meaning "no loud sample in this window". */
    public static final int NONE = -1;

    private final int sampleRate;
    private final int windowFrames;
    private float[] meanSquare = new float[1024];
    private int[] firstLoud = new int[1024];
    private int[] lastLoud = new int[1024];
    private int count;
    private long totalFrames;

    public Envelope(int sampleRate, int windowFrames) {
        if (sampleRate <= 0 || windowFrames <= 0) {
            throw new IllegalArgumentException(
                    "sample rate and window must be > 0, got " + sampleRate + ", " + windowFrames);
        }
        this.sampleRate = sampleRate;
        this.windowFrames = windowFrames;
    }

    void add(double meanSq, int firstLoudOffset, int lastLoudEndOffset) {
        if (count == meanSquare.length) {
            int n = count * 2;
            meanSquare = Arrays.copyOf(meanSquare, n);
            firstLoud = Arrays.copyOf(firstLoud, n);
            lastLoud = Arrays.copyOf(lastLoud, n);
        }
        meanSquare[count] = (float) meanSq;
        firstLoud[count] = firstLoudOffset;
        lastLoud[count] = lastLoudEndOffset;
        count++;
    }

    void setTotalFrames(long frames) {
        this.totalFrames = frames;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int windowFrames() {
        return windowFrames;
    }

    /** Number of windows (the last one may be partial). */
    public int size() {
        return count;
    }

    /** Frames in the whole stream. */
    public long totalFrames() {
        return totalFrames;
    }

    /** First frame of window {@code i}. */
    public long windowStart(int i) {
        return (long) i * windowFrames;
    }

    /** One past the last frame of window {@code i}. */
    public long windowEnd(int i) {
        return Math.min(windowStart(i) + windowFrames, Math.max(totalFrames, windowStart(i) + 1));
    }

    /** Mean square of window {@code i} (full scale sine = 0.5). */
    public double meanSquare(int i) {
        return meanSquare[i];
    }

    /** Level of window {@code i} in dBFS RMS (-200 for digital silence). */
    public double levelDbfs(int i) {
        return toDb(meanSquare[i]);
    }

    /** Absolute frame of the first loud sample of window {@code i}, or {@link #NONE}. */
    public long firstLoudFrame(int i) {
        return firstLoud[i] == NONE ? NONE : windowStart(i) + firstLoud[i];
    }

    /** Absolute frame one past the last loud sample of window {@code i}, or {@link #NONE}. */
    public long lastLoudEndFrame(int i) {
        return lastLoud[i] == NONE ? NONE : windowStart(i) + lastLoud[i];
    }

    /** The window that holds {@code frame}. */
    public int windowOf(long frame) {
        return (int) Math.min(count - 1L, frame / windowFrames);
    }

    /** Mean square to dBFS, floored at -200. */
    public static double toDb(double meanSq) {
        return meanSq <= 1e-20 ? -200 : 10 * Math.log10(meanSq);
    }
}
