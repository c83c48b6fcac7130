package io.wkmp.ingest.core.library;

import java.util.List;
import java.util.Objects;

/**
 * A file row with its passages (ordered by start), as the database holds them.
 *
 * @param relativePath path relative to the root folder, forward slashes
 * @param durationTicks duration in ticks, or -1 when unknown
 * @param sampleRate native sample rate, or 0 when unknown
 * @param channels channel count, or 0 when unknown
 * @param status files.status text ("INGEST COMPLETE", ...)
 */
public record StoredFile(
        String guid,
        String relativePath,
        long durationTicks,
        String format,
        int sampleRate,
        int channels,
        String status,
        String artist,
        String title,
        String album,
        List<StoredPassage> passages) {
    public StoredFile {
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(relativePath, "relativePath");
        passages = List.copyOf(passages);
    }
}
