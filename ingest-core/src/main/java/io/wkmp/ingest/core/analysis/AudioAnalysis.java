package io.wkmp.ingest.core.analysis;

import io.wkmp.ingest.core.audio.AudioFormat;
import io.wkmp.ingest.core.cue.CueSheet;
import io.wkmp.ingest.core.error.AnalysisWarning;
import io.wkmp.ingest.core.segment.Segment;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one decode of a file yields.
 *
 * @param totalFrames decoded length in sample frames
 * @param durationTicks decoded length in ticks
 * @param detectedSegments what silence detection found (before the minimum passage length is applied)
 * @param passages the passages to import, in order; empty when {@code noAudio}
 * @param noAudio true when nothing above the silence threshold long enough to be a passage was found
 * @param cueSheet the cue sheet the passages follow (its TITLE/PERFORMER are the album's), null when silence
 *     detection placed them
 */
public record AudioAnalysis(
        AudioFormat format,
        long totalFrames,
        long durationTicks,
        List<Segment> detectedSegments,
        List<AnalyzedPassage> passages,
        boolean noAudio,
        List<AnalysisWarning> warnings,
        CueSheet cueSheet) {
    public AudioAnalysis {
        Objects.requireNonNull(format, "format");
        detectedSegments = List.copyOf(detectedSegments);
        passages = List.copyOf(passages);
        warnings = List.copyOf(warnings);
        if (noAudio != passages.isEmpty()) {
            throw new IllegalArgumentException("noAudio must be true exactly when there are no passages");
        }
    }

    /** An analysis whose passages silence detection placed. */
    public AudioAnalysis(
            AudioFormat format,
            long totalFrames,
            long durationTicks,
            List<Segment> detectedSegments,
            List<AnalyzedPassage> passages,
            boolean noAudio,
            List<AnalysisWarning> warnings) {
        this(format, totalFrames, durationTicks, detectedSegments, passages, noAudio, warnings, null);
    }

    public Optional<CueSheet> cueSheetValue() {
        return Optional.ofNullable(cueSheet);
    }
}
