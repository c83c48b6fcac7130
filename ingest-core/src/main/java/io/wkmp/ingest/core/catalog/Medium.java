package io.wkmp.ingest.core.catalog;

import java.util.List;

/** A disc or side of a release. */
public record Medium(int position, String format, List<Track> tracks) {
    public Medium {
        tracks = List.copyOf(tracks);
    }
}
