package io.wkmp.ingest.core.scan;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * An audio file the scanner accepted.
 *
 * @param relativePath relative to the root folder, forward slashes
 * @param kind the format its content shows (may differ from what the extension names)
 * @param extensionMismatch true when the extension names another audio format (an MP3 named .flac)
 */
public record ScannedFile(
        Path path, String relativePath, long sizeBytes, Instant modifiedAt, AudioKind kind, boolean extensionMismatch) {
    public ScannedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(kind, "kind");
    }
}
