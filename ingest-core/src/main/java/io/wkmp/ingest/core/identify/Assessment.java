package io.wkmp.ingest.core.identify;

import io.wkmp.ingest.core.identification.Decision;
import io.wkmp.ingest.core.identification.EvidenceSummary;
import java.util.List;

/**
 * The confidence assessor's verdict.
 *
 * @param segmentConfidences per-segment confidences (one element for single-segment files)
 */
public record Assessment(
        Decision decision, double confidence, List<Double> segmentConfidences, EvidenceSummary evidence) {
    public Assessment {
        segmentConfidences = List.copyOf(segmentConfidences);
    }
}
