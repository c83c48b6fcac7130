package io.wkmp.ingest.testkit.audio;

import java.util.Random;

/** Renders one part sample by sample (mono value in [-1, 1]); deterministic for a given part. */
final class Renderer {
    private static final int TABLE = 4096;
    private static final double[] TIMBRE = timbre();
    private static final double[] SCALE = {0, 2, 3, 5, 7, 8, 10, 12, 14, 15, 17, 19};

    private final Part part;
    private final int rate;
    private final Random random;
    private final double amp;
    private final double[] phase = new double[4];
    private final double[] step = new double[4];
    private long noteEnd;
    private long noteStart;
    private long i;

    Renderer(Part part, int rate) {
        this.part = part;
        this.rate = rate;
        this.random = new Random(part.seed());
        this.amp = Math.pow(10, part.levelDbfs() / 20);
    }

    /** The next sample, or 0 after the part ends. */
    double next() {
        if (i >= part.frames()) {
            return 0;
        }
        double v;
        switch (part.kind()) {
            case TONE:
                v = amp * Math.sqrt(2) * Math.sin(2 * Math.PI * part.frequencyHz() * i / rate);
                break;
            case NOISE:
                v = amp * random.nextGaussian();
                break;
            case MUSIC:
                v = music();
                break;
            default:
                v = 0;
        }
        v *= part.fadeGain(i);
        i++;
        return Math.max(-1, Math.min(1, v));
    }

    private double music() {
        if (i >= noteEnd) {
            newChord();
        }
        double sum = 0;
        for (int k = 0; k < 4; k++) {
            phase[k] += step[k];
            if (phase[k] >= TABLE) {
                phase[k] -= TABLE;
            }
            sum += TIMBRE[(int) phase[k]] * (k == 0 ? 0.4 : 0.2);
        }
        long t = i - noteStart;
        double env = Math.min(1, t / (0.004 * rate)) * (0.6 + 0.4 * Math.exp(-t / (0.15 * rate)));
        long toEnd = part.frames() - i;
        env *= Math.min(1, toEnd / (0.002 * rate));
        return amp * sum * env;
    }

    private void newChord() {
        noteStart = i;
        noteEnd = i + (long) (rate * (0.18 + 0.32 * random.nextDouble()));
        int root = 45 + random.nextInt(20);
        for (int k = 1; k < 4; k++) {
            double midi = root + SCALE[random.nextInt(SCALE.length)] + 12;
            step[k] = TABLE * 440 * Math.pow(2, (midi - 69) / 12) / rate;
        }
        step[0] = TABLE * 440 * Math.pow(2, (root - 12 - 69) / 12.0) / rate;
    }

    private static double[] timbre() {
        double[] t = new double[TABLE];
        double[] harmonics = {1, 0.5, 0.33, 0.25, 0.2};
        for (int s = 0; s < TABLE; s++) {
            double v = 0;
            for (int h = 0; h < harmonics.length; h++) {
                v += harmonics[h] * Math.sin(2 * Math.PI * (h + 1) * s / TABLE);
            }
            t[s] = v / 1.6;
        }
        return t;
    }
}
