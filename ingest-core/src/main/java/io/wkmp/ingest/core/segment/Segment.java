package io.wkmp.ingest.core.segment;

/**
 * A stretch of audio between two silences, in absolute ticks from the start of its file.
 *
 * @param gapFloorDbfs RMS level of the silence that follows this segment (dBFS), or NaN when unknown or last
 */
public record Segment(long startTicks, long endTicks, double gapFloorDbfs) {
    public Segment {
        if (startTicks < 0 || endTicks <= startTicks) {
            throw new IllegalArgumentException(
                    "segment must have 0 <= start < end, got [" + startTicks + ", " + endTicks + ")");
        }
    }

    public Segment(long startTicks, long endTicks) {
        this(startTicks, endTicks, Double.NaN);
    }

    public long durationTicks() {
        return endTicks - startTicks;
    }
}
