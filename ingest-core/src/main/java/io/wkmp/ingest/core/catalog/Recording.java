package io.wkmp.ingest.core.catalog;

import java.util.List;

/**
 * A MusicBrainz recording.
 *
 * @param lengthMs length as MusicBrainz states it, or -1 when unknown
 */
public record Recording(
        String recordingMbid, String title, long lengthMs, List<ArtistCredit> artists, List<Work> works) {
    public Recording {
        artists = List.copyOf(artists);
        works = List.copyOf(works);
    }
}
