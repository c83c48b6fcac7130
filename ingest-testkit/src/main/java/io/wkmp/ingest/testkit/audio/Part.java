package io.wkmp.ingest.testkit.audio;

import java.util.Objects;

/**
 * One stretch of a synthetic file.
 *
 * @param kind what is rendered
 * @param frames length in sample frames
 * @param levelDbfs RMS level for TONE and NOISE; for MUSIC the peak bound of the mix (its RMS lies about 6-9 dB lower)
 * @param frequencyHz TONE only
 * @param seed MUSIC and NOISE: the random seed (same seed, same audio)
 * @param fadeIn gain ramp at the start, or null
 * @param fadeOut gain ramp at the end, or null
 */
public record Part(Kind kind, long frames, double levelDbfs, double frequencyHz, long seed, Fade fadeIn, Fade fadeOut) {
    /** What a part renders. */
    public enum Kind {
        SILENCE,
        TONE,
        NOISE,
        MUSIC
    }

    public Part {
        Objects.requireNonNull(kind, "kind");
        if (frames <= 0) {
            throw new IllegalArgumentException("a part needs at least one frame, got " + frames);
        }
        if (levelDbfs > 0) {
            throw new IllegalArgumentException("level must be <= 0 dBFS, got " + levelDbfs);
        }
        long fadeFrames = (fadeIn == null ? 0 : fadeIn.frames()) + (fadeOut == null ? 0 : fadeOut.frames());
        if (fadeFrames > frames) {
            throw new IllegalArgumentException(
                    "fades (" + fadeFrames + " frames) are longer than the part (" + frames + ")");
        }
    }

    /** Linear gain at frame {@code i} of this part from its fades (1 outside them). */
    public double fadeGain(long i) {
        double g = 1;
        if (fadeIn != null && i < fadeIn.frames()) {
            g *= fadeIn.gain(i);
        }
        if (fadeOut != null && i >= frames - fadeOut.frames()) {
            g *= fadeOut.gain(frames - 1 - i);
        }
        return g;
    }

    /**
     * A gain ramp from {@code floorDb} (relative to the part level) up to 0 dB over {@code frames},
     * read from the part's edge inwards.
     */
    public record Fade(long frames, double floorDb, Shape shape) {
        /** EXPONENTIAL is linear in dB (a natural fade); LINEAR is linear in amplitude from 0. */
        public enum Shape {
            EXPONENTIAL,
            LINEAR
        }

        public Fade {
            if (frames <= 0 || floorDb >= 0) {
                throw new IllegalArgumentException("a fade needs frames > 0 and a floor below 0 dB");
            }
            Objects.requireNonNull(shape, "shape");
        }

        /** Gain at {@code k} frames from the edge. */
        public double gain(long k) {
            double t = (double) k / frames;
            return shape == Shape.LINEAR ? t : Math.pow(10, floorDb * (1 - t) / 20);
        }

        /** Frames from the edge at which an EXPONENTIAL fade is at {@code relDb} (between floorDb and 0). */
        public double framesAt(double relDb) {
            if (shape != Shape.EXPONENTIAL) {
                throw new IllegalStateException("only exponential fades have a closed form here");
            }
            return frames * (1 - relDb / floorDb);
        }
    }
}
