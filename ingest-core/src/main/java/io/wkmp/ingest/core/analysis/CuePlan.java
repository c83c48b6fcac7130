package io.wkmp.ingest.core.analysis;

import io.wkmp.ingest.core.audio.AudioFormat;
import io.wkmp.ingest.core.audio.PcmBlock;
import io.wkmp.ingest.core.audio.PcmConsumer;
import io.wkmp.ingest.core.cue.CueLookup;
import io.wkmp.ingest.core.cue.CueSheet;
import io.wkmp.ingest.core.cue.CueTrack;
import io.wkmp.ingest.core.error.AnalysisWarning;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.segment.FrameSpan;
import io.wkmp.ingest.core.time.Ticks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cue tracks of one audio file, checked as far as possible before decoding (the sheet names the file,
 * INDEX 01 points strictly increase) and against the decoded length after it (every INDEX 01 before the end).
 * Each failed check is a CUE_SHEET_INVALID warning and the plan is dropped, so silence detection stands.
 */
final class CuePlan {
    private final CueSheet sheet;
    private final List<CueTrack> tracks;

    private CuePlan(CueSheet sheet, List<CueTrack> tracks) {
        this.sheet = sheet;
        this.tracks = tracks;
    }

    /** The plan for {@code audioName}, or empty (with the reason added to {@code warnings}). */
    static Optional<CuePlan> of(CueLookup lookup, String audioName, List<AnalysisWarning> warnings) {
        lookup.problems().forEach(p -> warnings.add(warning(p)));
        if (lookup.sheet() == null) {
            return Optional.empty();
        }
        List<CueTrack> tracks = lookup.sheet().tracksFor(audioName);
        if (tracks.isEmpty()) {
            warnings.add(warning("the cue sheet does not name " + audioName + " (FILE "
                    + String.join(", ", lookup.sheet().files()) + "); silence detection is used"));
            return Optional.empty();
        }
        for (int i = 1; i < tracks.size(); i++) {
            if (tracks.get(i).index01() <= tracks.get(i - 1).index01()) {
                warnings.add(warning("cue sheet INDEX 01 of track "
                        + tracks.get(i).number() + " ("
                        + CueTrack.format(tracks.get(i).index01()) + ") does not come after track "
                        + tracks.get(i - 1).number()
                        + " (" + CueTrack.format(tracks.get(i - 1).index01()) + "); silence detection is used"));
                return Optional.empty();
            }
        }
        return Optional.of(new CuePlan(lookup.sheet(), tracks));
    }

    CueSheet sheet() {
        return sheet;
    }

    List<CueTrack> tracks() {
        return tracks;
    }

    /** INDEX 01 of each track as a sample frame at {@code rate} (exact for rates that are multiples of 75 Hz). */
    long[] startFrames(int rate) {
        return tracks.stream()
                .mapToLong(t -> Ticks.toSamples(t.startTicks(), rate))
                .toArray();
    }

    /** One span per track, [INDEX 01 of i, INDEX 01 of i+1 or the end); empty (plus a warning) when one starts past the end. */
    Optional<List<FrameSpan>> spans(int rate, long totalFrames, List<AnalysisWarning> warnings) {
        long[] starts = startFrames(rate);
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] >= totalFrames) {
                warnings.add(
                        warning("cue sheet INDEX 01 of track " + tracks.get(i).number() + " ("
                                + CueTrack.format(tracks.get(i).index01()) + ") lies beyond the end of the audio ("
                                + Ticks.format(Ticks.fromSamples(totalFrames, rate)) + "); silence detection is used"));
                return Optional.empty();
            }
        }
        List<FrameSpan> spans = new ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            spans.add(new FrameSpan(starts[i], i + 1 < starts.length ? starts[i + 1] : totalFrames, Double.NaN));
        }
        return Optional.of(spans);
    }

    /**
     * A consumer that gives {@code feeder} the cue's boundaries once the rate is known (a session from frame 0
     * to track 1 when there is a pregap, then one per track) and ends the last session at the stream's end.
     * Must come before {@code feeder} in the chain.
     */
    PcmConsumer boundaryFeed(FingerprintFeeder feeder) {
        return new PcmConsumer() {
            private long frames;

            @Override
            public void start(AudioFormat format) {
                long[] starts = startFrames(format.sampleRate());
                if (starts[0] > 0) {
                    feeder.started(0);
                    feeder.ended(starts[0]);
                }
                for (int i = 0; i < starts.length; i++) {
                    if (i > 0) {
                        feeder.ended(starts[i]);
                    }
                    feeder.started(starts[i]);
                }
            }

            @Override
            public void accept(PcmBlock block) {
                frames += block.frames();
            }

            @Override
            public void finish() {
                feeder.ended(frames);
            }
        };
    }

    static AnalysisWarning warning(String message) {
        return new AnalysisWarning(ErrorCode.CUE_SHEET_INVALID, message);
    }
}
