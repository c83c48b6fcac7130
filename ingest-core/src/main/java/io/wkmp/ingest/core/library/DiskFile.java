package io.wkmp.ingest.core.library;

import java.time.Instant;
import java.util.Objects;

/**
 * An audio file found on disk by the scan.
 *
 * @param relativePath relative to the root folder, forward slashes
 */
public record DiskFile(String relativePath, long sizeBytes, Instant modifiedAt) {
    public DiskFile {
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
    }
}
