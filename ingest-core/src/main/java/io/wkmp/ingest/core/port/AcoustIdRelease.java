package io.wkmp.ingest.core.port;

/**
 * A release AcoustID lists for a matched recording.
 *
 * @param trackCount tracks on the whole release, or -1 when AcoustID did not say
 * @param mediumPosition medium of the recording on this release, or -1
 * @param trackPosition track position of the recording on that medium, or -1
 */
public record AcoustIdRelease(
        String releaseMbid,
        String releaseGroupMbid,
        String title,
        int trackCount,
        int mediumPosition,
        int trackPosition) {
    public AcoustIdRelease {
        if (releaseMbid == null || releaseMbid.isBlank()) {
            throw new IllegalArgumentException("a release needs its MBID");
        }
    }
}
