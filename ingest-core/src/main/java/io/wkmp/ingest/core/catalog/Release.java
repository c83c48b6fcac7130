package io.wkmp.ingest.core.catalog;

import java.util.ArrayList;
import java.util.List;

/** A MusicBrainz release (WKMP "album") with its track list, as one release lookup returns it. */
public record Release(
        String releaseMbid,
        String title,
        String date,
        String releaseGroupMbid,
        List<ArtistCredit> artists,
        List<Medium> media) {
    public Release {
        artists = List.copyOf(artists);
        media = List.copyOf(media);
    }

    /** All tracks of all media in order. */
    public List<Track> tracks() {
        List<Track> all = new ArrayList<>();
        for (Medium m : media) {
            all.addAll(m.tracks());
        }
        return all;
    }
}
