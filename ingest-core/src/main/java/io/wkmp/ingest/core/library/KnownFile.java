package io.wkmp.ingest.core.library;

import java.time.Instant;

/**
 * A file the database already knows.
 *
 * @param relativePath path relative to the root folder, forward slashes
 * @param modifiedAt file modification time, truncated to whole milliseconds
 */
public record KnownFile(
        String guid, String relativePath, String sha256, long sizeBytes, Instant modifiedAt, FileStatus status) {

    /** True when path, size and modification time say the file on disk is the one imported. */
    public boolean sameAs(long size, Instant mtime) {
        return sizeBytes == size && modifiedAt != null && modifiedAt.toEpochMilli() == mtime.toEpochMilli();
    }
}
