package io.wkmp.ingest.core.audio;

import java.util.Objects;

/**
 * A waveform overview of a stretch of audio: per bucket the lowest and highest mono sample (scaled to
 * [-1, 1)) and the RMS level. Buckets split [{@code startTicks}, {@code endTicks}) evenly.
 */
public record Waveform(int sampleRate, long startTicks, long endTicks, float[] min, float[] max, float[] rms) {
    public Waveform {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(rms, "rms");
        if (min.length != max.length || min.length != rms.length) {
            throw new IllegalArgumentException("min, max and rms must have one value per bucket");
        }
        if (endTicks < startTicks) {
            throw new IllegalArgumentException(
                    "endTicks (" + endTicks + ") must not be before startTicks (" + startTicks + ")");
        }
    }

    public int buckets() {
        return min.length;
    }

    /** The RMS of bucket {@code i} in dBFS (a full-scale sine reads about -3), floored at -120. */
    public double rmsDbfs(int i) {
        return toDbfs(rms[i]);
    }

    /** The loudest bucket's RMS in dBFS, -120 for silence or no buckets. */
    public double peakRmsDbfs() {
        float peak = 0;
        for (float r : rms) {
            peak = Math.max(peak, r);
        }
        return toDbfs(peak);
    }

    private static double toDbfs(double level) {
        return level <= 1e-6 ? -120.0 : Math.max(-120.0, 20 * Math.log10(level));
    }
}
