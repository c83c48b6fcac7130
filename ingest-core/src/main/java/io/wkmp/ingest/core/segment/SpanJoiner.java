package io.wkmp.ingest.core.segment;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins spans that the silence segmenter split but that belong to one passage, by two rules.
 *
 * <p><b>Quiet pieces.</b> A piece much shorter and much quieter than a neighbour (a count-in, a quiet intro phrase
 * before a second of near-silence, a click after the song) joins that neighbour, as its lead-in or lead-out: it is at
 * most {@code maxPieceMs} long, its loudest window is at least {@code quieterDb} below the neighbour's loudest window,
 * the neighbour is longer, and the silence between them lasts at most {@code maxGapMs}; of two such neighbours the
 * nearer one wins (the next one on a tie: a quiet piece before a song is more often its intro).
 *
 * <p><b>Music's own pauses.</b> Two spans whose silence is at most {@code maxPauseMs} long and holds no steady stretch
 * join: a gap between tracks is digital silence or a noise floor (tape, vinyl), whose short-term level holds steady
 * for at least {@value #STEADY_WINDOWS} windows within {@value #STEADY_RANGE_DB} dB, or lies at or below {@value
 * #DIGITAL_SILENCE_DBFS} dBFS; a pause inside a piece of music (a quiet interlude, a decay before the next phrase)
 * wanders. Longer silences always split (a hidden track after minutes of silence).
 *
 * <p>Loud pieces (songs, however short) are never joined by the first rule. Stateless; thread-safe.
 */
public final class SpanJoiner {
    /** Windows of steady level that make a silence a gap between tracks (at 50 ms windows: half a second). */
    static final int STEADY_WINDOWS = 10;
    /** The largest spread of window levels (max - min) that counts as steady. */
    static final double STEADY_RANGE_DB = 3;
    /** Window levels at or below this are digital silence (or a lossy codec's rendering of it): steady. */
    static final double DIGITAL_SILENCE_DBFS = -80;

    /** A span after joining, and the piece in it whose fingerprint stands for it (its longest). */
    public record Joined(FrameSpan span, FrameSpan main) {}

    private final long maxPieceMs;
    private final double quieterDb;
    private final long maxGapMs;
    private final long maxPauseMs;

    public SpanJoiner(long maxPieceMs, double quieterDb, long maxGapMs, long maxPauseMs) {
        this.maxPieceMs = maxPieceMs;
        this.quieterDb = quieterDb;
        this.maxGapMs = maxGapMs;
        this.maxPauseMs = maxPauseMs;
    }

    /** The spans of {@code env} after joining, in order. */
    public List<Joined> join(Envelope env, List<FrameSpan> spans) {
        List<Joined> out = new ArrayList<>();
        for (FrameSpan s : spans) {
            out.add(new Joined(s, s));
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < out.size() && !changed; i++) {
                int first = -1;
                if (i + 1 < out.size()
                        && musicalPause(env, out.get(i).span(), out.get(i + 1).span())) {
                    first = i;
                } else {
                    int into = quietPieceNeighbour(env, out, i);
                    if (into >= 0) {
                        first = Math.min(i, into);
                    }
                }
                if (first >= 0) {
                    Joined a = out.get(first);
                    Joined b = out.get(first + 1);
                    FrameSpan main = a.main().frames() >= b.main().frames() ? a.main() : b.main();
                    out.set(
                            first,
                            new Joined(
                                    new FrameSpan(
                                            a.span().startFrame(),
                                            b.span().endFrame(),
                                            b.span().gapFloorDbfs()),
                                    main));
                    out.remove(first + 1);
                    changed = true;
                }
            }
        }
        return out;
    }

    /** True when the silence between {@code a} and {@code b} is short and wanders: a pause inside the music. */
    private boolean musicalPause(Envelope env, FrameSpan a, FrameSpan b) {
        long gap = b.startFrame() - a.endFrame();
        if (gap * 1000 > maxPauseMs * env.sampleRate()) {
            return false;
        }
        // windows wholly inside the silence
        int from = env.windowOf(a.endFrame()) + 1;
        int to = env.windowOf(b.startFrame()) - 1;
        // a silence too short to hold the steady stretch is judged on all its windows; none: left split
        int n = Math.min(STEADY_WINDOWS, to - from + 1);
        if (n <= 0) {
            return false;
        }
        for (int w = from; w + n - 1 <= to; w++) {
            double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
            int k = w;
            for (; k < w + n; k++) {
                double level = Math.max(DIGITAL_SILENCE_DBFS, env.levelDbfs(k));
                min = Math.min(min, level);
                max = Math.max(max, level);
                if (max - min > STEADY_RANGE_DB) {
                    break;
                }
            }
            if (k == w + n) {
                return false;
            }
        }
        return true;
    }

    /** The index of the neighbour that quiet piece {@code i} joins, or -1. */
    private int quietPieceNeighbour(Envelope env, List<Joined> spans, int i) {
        FrameSpan piece = spans.get(i).span();
        int rate = env.sampleRate();
        if (piece.frames() * 1000 > maxPieceMs * rate) {
            return -1;
        }
        double level = peakDbfs(env, piece);
        int best = -1;
        long bestGap = Long.MAX_VALUE;
        for (int j : new int[] {i + 1, i - 1}) {
            if (j < 0 || j >= spans.size()) {
                continue;
            }
            FrameSpan n = spans.get(j).span();
            long gap = j > i ? n.startFrame() - piece.endFrame() : piece.startFrame() - n.endFrame();
            if (n.frames() > piece.frames()
                    && gap * 1000 <= maxGapMs * rate
                    && level <= peakDbfs(env, n) - quieterDb
                    && gap < bestGap) {
                best = j;
                bestGap = gap;
            }
        }
        return best;
    }

    /** The loudest window level inside {@code span}, dBFS RMS. */
    static double peakDbfs(Envelope env, FrameSpan span) {
        double max = -200;
        int last = env.windowOf(span.endFrame() - 1);
        for (int w = env.windowOf(span.startFrame()); w <= last; w++) {
            max = Math.max(max, env.levelDbfs(w));
        }
        return max;
    }
}
