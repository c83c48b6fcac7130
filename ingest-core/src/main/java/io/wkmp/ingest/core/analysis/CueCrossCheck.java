package io.wkmp.ingest.core.analysis;

import io.wkmp.ingest.core.cue.CueTrack;
import io.wkmp.ingest.core.error.AnalysisWarning;
import io.wkmp.ingest.core.segment.FrameSpan;
import io.wkmp.ingest.core.time.Ticks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Compares a cue sheet's track starts with the starts silence detection found: for each track, the nearest
 * detected start within {@link #SEARCH_MS}; tracks with none nearby (gapless albums) are not compared. When any
 * difference exceeds {@link #TOLERANCE_MS} the result is a warning listing every compared track's difference.
 */
final class CueCrossCheck {
    /** Differences up to this are agreement: the cue's INDEX 01 and the first loud sample rarely coincide exactly. */
    static final long TOLERANCE_MS = 500;
    /** A detected start farther than this from a cue boundary is not its counterpart. */
    static final long SEARCH_MS = 10_000;

    private CueCrossCheck() {}

    /**
     * Per track, cue start minus detected start in ticks, or empty when no detected start lies near.
     *
     * @param cueStarts track starts in frames, in order
     */
    static List<OptionalLong> differences(long[] cueStarts, List<FrameSpan> detected, int rate) {
        long search = SEARCH_MS * rate / 1000;
        List<OptionalLong> out = new ArrayList<>();
        for (long cue : cueStarts) {
            OptionalLong best = OptionalLong.empty();
            for (FrameSpan s : detected) {
                long d = cue - s.startFrame();
                if (Math.abs(d) <= search && (best.isEmpty() || Math.abs(d) < Math.abs(best.getAsLong()))) {
                    best = OptionalLong.of(d);
                }
            }
            out.add(best.isEmpty() ? best : OptionalLong.of(signedTicks(best.getAsLong(), rate)));
        }
        return out;
    }

    /** The disagreement warning, when some compared track is off by more than the tolerance. */
    static Optional<AnalysisWarning> warning(List<CueTrack> tracks, List<OptionalLong> diffs) {
        boolean off =
                diffs.stream().anyMatch(d -> d.isPresent() && Math.abs(d.getAsLong()) > Ticks.fromMillis(TOLERANCE_MS));
        if (!off) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder("cue sheet and silences disagree (cue minus detected):");
        for (int i = 0; i < tracks.size(); i++) {
            OptionalLong d = diffs.get(i);
            sb.append(i == 0 ? " " : ", ")
                    .append("track ")
                    .append(tracks.get(i).number())
                    .append(' ')
                    .append(
                            d.isPresent()
                                    ? (d.getAsLong() >= 0 ? "+" : "") + Ticks.toMillis(d.getAsLong()) + " ms"
                                    : "no silence near");
        }
        return Optional.of(CuePlan.warning(
                sb.append("; the cue sheet's boundaries are used").toString()));
    }

    private static long signedTicks(long frames, int rate) {
        long t = Ticks.fromSamples(Math.abs(frames), rate);
        return frames < 0 ? -t : t;
    }
}
