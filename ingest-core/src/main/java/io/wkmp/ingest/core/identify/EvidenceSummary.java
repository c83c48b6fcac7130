package io.wkmp.ingest.core.identify;

import java.util.List;

/**
 * What a decision was based on, each score 0..1 or NaN where that evidence was not available, plus
 * sentences that say why in words (spec: "User can see why identification succeeded/failed").
 */
public record EvidenceSummary(
        double contextual,
        double pattern,
        double fingerprintMean,
        double fingerprintMin,
        double metadata,
        double duration,
        List<String> reasons) {
    public EvidenceSummary {
        reasons = List.copyOf(reasons);
    }

    /** A copy with one more reason. */
    public EvidenceSummary withReason(String reason) {
        List<String> r = new java.util.ArrayList<>(reasons);
        r.add(reason);
        return new EvidenceSummary(contextual, pattern, fingerprintMean, fingerprintMin, metadata, duration, r);
    }
}
