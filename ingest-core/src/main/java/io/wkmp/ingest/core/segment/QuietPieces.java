package io.wkmp.ingest.core.segment;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins a piece that is much shorter and much quieter than a neighbour (a count-in, a quiet intro phrase before a
 * second of near-silence, a click after the song) to that neighbour, as its lead-in or lead-out, instead of letting it
 * become a passage of its own. A piece joins when it is at most {@code maxPieceMs} long, its loudest window is at
 * least {@code quieterDb} below the neighbour's loudest window, the neighbour is longer, and the silence between
 * them lasts at most {@code maxGapMs}; of two such neighbours the nearer one wins (the next one on a tie: a quiet
 * piece before a song is more often its intro). Long gaps (a hidden track after minutes of silence) and loud pieces
 * (songs, however short) are left alone. Stateless; thread-safe.
 */
public final class QuietPieces {
    /** A span after joining, and the piece in it whose fingerprint stands for it (its longest). */
    public record Joined(FrameSpan span, FrameSpan main) {}

    private final long maxPieceMs;
    private final double quieterDb;
    private final long maxGapMs;

    public QuietPieces(long maxPieceMs, double quieterDb, long maxGapMs) {
        this.maxPieceMs = maxPieceMs;
        this.quieterDb = quieterDb;
        this.maxGapMs = maxGapMs;
    }

    /** The spans of {@code env} after joining quiet pieces to their neighbours, in order. */
    public List<Joined> join(Envelope env, List<FrameSpan> spans) {
        List<Joined> out = new ArrayList<>();
        for (FrameSpan s : spans) {
            out.add(new Joined(s, s));
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < out.size() && !changed; i++) {
                int into = neighbour(env, out, i);
                if (into >= 0) {
                    int first = Math.min(i, into);
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

    /** The index of the neighbour piece {@code i} joins, or -1. */
    private int neighbour(Envelope env, List<Joined> spans, int i) {
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
