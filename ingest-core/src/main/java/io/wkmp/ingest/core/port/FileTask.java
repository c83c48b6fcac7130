package io.wkmp.ingest.core.port;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One file to import.
 *
 * @param relativePath relative to the root folder, forward slashes (the key of {@code files.path})
 * @param formatName the format its content was recognised as (MP3, FLAC, ...)
 */
public record FileTask(Path file, String relativePath, long sizeBytes, Instant modifiedAt, String formatName) {}
