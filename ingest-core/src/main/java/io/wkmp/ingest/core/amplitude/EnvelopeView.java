package io.wkmp.ingest.core.amplitude;

import io.wkmp.ingest.core.segment.Envelope;
import io.wkmp.ingest.core.segment.FrameSpan;

/** The windows of an envelope whose centres fall inside one passage, with level-crossing searches. */
final class EnvelopeView {
    private final Envelope env;
    private final FrameSpan span;
    private final int first;
    private final int last;

    EnvelopeView(Envelope env, FrameSpan span) {
        this.env = env;
        this.span = span;
        int a = env.windowOf(span.startFrame());
        int b = env.windowOf(span.endFrame() - 1);
        if (a < b && center(a) < span.startFrame()) {
            a++;
        }
        if (b > a && center(b) >= span.endFrame()) {
            b--;
        }
        this.first = a;
        this.last = b;
    }

    double peakDb() {
        double max = -200;
        for (int k = first; k <= last; k++) {
            max = Math.max(max, env.levelDbfs(k));
        }
        return max;
    }

    double rmsDb() {
        double sum = 0;
        for (int k = first; k <= last; k++) {
            sum += env.meanSquare(k);
        }
        return Envelope.toDb(sum / (last - first + 1));
    }

    /** The frame where the level first reaches {@code db}; the passage start when the first window does. */
    long firstReaching(double db) {
        for (int k = first; k <= last; k++) {
            if (env.levelDbfs(k) >= db) {
                return k == first ? span.startFrame() : interpolate(k - 1, k, db);
            }
        }
        return span.endFrame();
    }

    /** The frame where the level last falls below {@code db}; the passage end when the last window is above it. */
    long lastReaching(double db) {
        for (int k = last; k >= first; k--) {
            if (env.levelDbfs(k) >= db) {
                return k == last ? span.endFrame() : interpolate(k, k + 1, db);
            }
        }
        return span.startFrame();
    }

    private long interpolate(int a, int b, double db) {
        double la = env.levelDbfs(a);
        double lb = env.levelDbfs(b);
        double t = la == lb ? 0.5 : (db - la) / (lb - la);
        t = Math.max(0, Math.min(1, t));
        long frame = Math.round(center(a) + t * (center(b) - center(a)));
        return Math.max(span.startFrame(), Math.min(span.endFrame(), frame));
    }

    private double center(int k) {
        return (env.windowStart(k) + env.windowEnd(k)) / 2.0;
    }
}
