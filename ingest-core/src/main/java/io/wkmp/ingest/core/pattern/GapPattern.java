package io.wkmp.ingest.core.pattern;

/** How regular the silences between segments are. */
public enum GapPattern {
    /** Gaps of nearly equal length, as a CD rip has. */
    CONSISTENT,
    /** Gaps of varying length (side breaks, hand-cut transfers). */
    VARIABLE,
    /** Fewer than two segments: no gaps to judge. */
    NONE
}
