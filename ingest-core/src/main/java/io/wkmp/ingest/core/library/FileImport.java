package io.wkmp.ingest.core.library;

import io.wkmp.ingest.core.audio.AudioFormat;
import io.wkmp.ingest.core.tags.FileTags;
import java.time.Instant;
import java.util.List;

/**
 * The complete result of importing one file, written in one transaction: it replaces any earlier
 * result for the same path.
 *
 * @param relativePath relative to the root folder, forward slashes
 * @param format the decoded stream, null for files never decoded (duplicates)
 * @param formatName WKMP's format name (MP3, FLAC, OGG Vorbis, Opus, AAC, WAV, AIFF)
 * @param duplicateOfPath for DUPLICATE_HASH, the path of the file with the same content
 */
public record FileImport(
        String relativePath,
        String sha256,
        long sizeBytes,
        Instant modifiedAt,
        AudioFormat format,
        String formatName,
        FileStatus status,
        FileTags tags,
        List<PassageImport> passages,
        List<ImageImport> images,
        String duplicateOfPath) {
    public FileImport {
        passages = List.copyOf(passages);
        images = List.copyOf(images);
    }
}
