package io.wkmp.ingest.core.segment;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a file into segments at silences, window by window as the envelope grows, so a consumer can
 * act on boundaries while the file is still decoding. A silence is a run of windows below the
 * threshold lasting at least the minimum silence duration (also at the file's edges); boundaries are
 * placed at the last/first loud sample around it. Shorter quiet stretches stay inside their segment.
 */
public final class SilenceSegmenter implements EnvelopeBuilder.WindowListener {
    /** Told about boundaries as soon as they are certain. */
    public interface BoundaryListener {
        void started(long frame);

        void ended(long frame);
    }

    private final double thresholdDbfs;
    private final long minSilenceMs;
    private final BoundaryListener listener;
    private final List<FrameSpan> spans = new ArrayList<>();
    private boolean open;
    private long openStart;
    private long closedEnd = -1;
    private int runStart = -1;
    private boolean confirmed;

    public SilenceSegmenter(double thresholdDbfs, long minSilenceMs, BoundaryListener listener) {
        this.thresholdDbfs = thresholdDbfs;
        this.minSilenceMs = minSilenceMs;
        this.listener = listener;
    }

    @Override
    public void window(Envelope env, int i) {
        if (env.levelDbfs(i) < thresholdDbfs) {
            if (runStart < 0) {
                runStart = i;
            }
            long runFrames = env.windowEnd(i) - env.windowStart(runStart);
            if (!confirmed && runFrames * 1000 >= minSilenceMs * env.sampleRate()) {
                confirmed = true;
                if (open) {
                    close(Math.max(openStart + 1, refinedEnd(env, runStart)));
                }
            }
            return;
        }
        if (!open) {
            boolean leadingUnconfirmed = spans.isEmpty() && closedEnd < 0 && !confirmed;
            long start = leadingUnconfirmed ? 0 : refinedStart(env, i);
            if (closedEnd >= 0) {
                FrameSpan last = spans.remove(spans.size() - 1);
                spans.add(new FrameSpan(last.startFrame(), last.endFrame(), runLevel(env, runStart, i)));
            }
            open = true;
            openStart = start;
            listener.started(start);
        }
        runStart = -1;
        confirmed = false;
    }

    @Override
    public void end(Envelope env) {
        if (open) {
            close(Math.max(openStart + 1, env.totalFrames()));
        }
    }

    /** The segments found, in order (complete after the envelope ended). */
    public List<FrameSpan> spans() {
        return List.copyOf(spans);
    }

    private void close(long end) {
        open = false;
        closedEnd = end;
        spans.add(new FrameSpan(openStart, end, Double.NaN));
        listener.ended(end);
    }

    private static long refinedEnd(Envelope env, int firstSilent) {
        if (env.lastLoudEndFrame(firstSilent) != Envelope.NONE) {
            return env.lastLoudEndFrame(firstSilent);
        }
        if (firstSilent == 0) {
            return 0;
        }
        long e = env.lastLoudEndFrame(firstSilent - 1);
        return e != Envelope.NONE ? e : env.windowEnd(firstSilent - 1);
    }

    private static long refinedStart(Envelope env, int firstLoud) {
        if (firstLoud > 0 && env.firstLoudFrame(firstLoud - 1) != Envelope.NONE) {
            return env.firstLoudFrame(firstLoud - 1);
        }
        long s = env.firstLoudFrame(firstLoud);
        return s != Envelope.NONE ? s : env.windowStart(firstLoud);
    }

    private static double runLevel(Envelope env, int from, int toExclusive) {
        double sum = 0;
        for (int k = from; k < toExclusive; k++) {
            sum += env.meanSquare(k);
        }
        return Envelope.toDb(sum / Math.max(1, toExclusive - from));
    }
}
