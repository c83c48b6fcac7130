package io.wkmp.ingest.core.port;

import java.util.List;

/**
 * A recording AcoustID offers for a fingerprint.
 *
 * @param score AcoustID's fingerprint score, 0..1
 * @param durationSeconds the recording's duration per AcoustID, or -1
 * @param releases releases AcoustID lists for the recording (may be empty)
 */
public record AcoustIdMatch(
        String recordingMbid,
        double score,
        String title,
        double durationSeconds,
        List<String> artistNames,
        List<AcoustIdRelease> releases) {
    public AcoustIdMatch {
        artistNames = List.copyOf(artistNames);
        releases = List.copyOf(releases);
    }

    /** The MBIDs of {@link #releases()}, in order. */
    public List<String> releaseMbids() {
        return releases.stream().map(AcoustIdRelease::releaseMbid).toList();
    }
}
