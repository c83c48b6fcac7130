package io.wkmp.ingest.core.identification;

import io.wkmp.ingest.core.pattern.SegmentPattern;
import java.util.List;

/**
 * Passages identified together against one release: the single-track files of one folder
 * ({@code multiSegment} false, single-segment confidence formula) or the segments of one file
 * ({@code multiSegment} true, multi-segment formula).
 */
public record IdentificationGroup(List<PassageEvidence> passages, SegmentPattern pattern, boolean multiSegment) {
    public IdentificationGroup {
        passages = List.copyOf(passages);
        if (passages.isEmpty()) {
            throw new IllegalArgumentException("a group needs at least one passage");
        }
        for (int i = 0; i < passages.size(); i++) {
            if (passages.get(i).index() != i) {
                throw new IllegalArgumentException(
                        "passage " + i + " has index " + passages.get(i).index());
            }
        }
    }
}
