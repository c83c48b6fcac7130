package io.wkmp.ingest.core.port;

import io.wkmp.ingest.core.catalog.Recording;
import io.wkmp.ingest.core.catalog.Release;
import java.util.List;
import java.util.Optional;

/**
 * MusicBrainz searches and lookups, cached and rate-limited across all callers (1 request/s on the
 * public service). Thread-safe.
 *
 * @throws io.wkmp.ingest.core.error.LookupUnavailableException when the service cannot answer after retries
 */
public interface MusicBrainzService {
    /** Search hit: an entity id and MusicBrainz's search score (0..100). */
    record SearchHit(String mbid, String title, String artist, int trackCount, long lengthMs, int score) {}

    /** Recordings matching artist, title and approximate duration (ms, or -1 when unknown). */
    List<SearchHit> searchRecordings(String artist, String title, long durationMs);

    /** Releases matching artist, album title and track count (or -1 when unknown). */
    List<SearchHit> searchReleases(String artist, String release, int trackCount);

    /** A release with media, tracks, recordings, artist credits and work relations, in one call. */
    Optional<Release> lookupRelease(String releaseMbid);

    /** A recording with artist credits and work relations. */
    Optional<Recording> lookupRecording(String recordingMbid);
}
