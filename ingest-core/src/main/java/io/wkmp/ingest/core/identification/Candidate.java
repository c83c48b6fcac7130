package io.wkmp.ingest.core.identification;

/**
 * A recording the identification considered for a passage.
 *
 * @param releaseMbid the release it was considered on, or null
 * @param trackNumber its track number on that release, or null
 * @param fingerprintScore AcoustID's fingerprint similarity 0..1, NaN when not fingerprinted
 * @param durationDeltaSeconds recording length minus passage length, NaN when unknown
 */
public record Candidate(
        String recordingMbid,
        String title,
        String releaseMbid,
        Integer trackNumber,
        double fingerprintScore,
        double durationDeltaSeconds) {}
