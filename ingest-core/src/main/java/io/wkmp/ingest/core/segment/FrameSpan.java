package io.wkmp.ingest.core.segment;

import io.wkmp.ingest.core.time.Ticks;

/**
 * A stretch of audio in sample frames, [startFrame, endFrame).
 *
 * @param gapFloorDbfs level of the silence that follows, NaN when none or unknown
 */
public record FrameSpan(long startFrame, long endFrame, double gapFloorDbfs) {
    public FrameSpan {
        if (startFrame < 0 || endFrame <= startFrame) {
            throw new IllegalArgumentException(
                    "span must have 0 <= start < end, got [" + startFrame + ", " + endFrame + ")");
        }
    }

    public long frames() {
        return endFrame - startFrame;
    }

    /** This span in ticks at {@code sampleRate}. */
    public Segment toSegment(int sampleRate) {
        return new Segment(
                Ticks.fromSamples(startFrame, sampleRate), Ticks.fromSamples(endFrame, sampleRate), gapFloorDbfs);
    }
}
