package io.wkmp.ingest.core.identification;

/**
 * The identification of one passage.
 *
 * @param recordingMbid the chosen recording for ACCEPT and REVIEW; null for REJECT and PENDING
 */
public record Identification(Decision decision, String recordingMbid, double confidence, EvidenceSummary evidence) {
    /** Not identified yet; a later run with the services reachable finishes it. */
    public static Identification pending(String why) {
        return new Identification(
                Decision.PENDING,
                null,
                0,
                new EvidenceSummary(
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        java.util.List.of(why)));
    }
}
