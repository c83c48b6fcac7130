package io.wkmp.ingest.core.library;

import io.wkmp.ingest.core.passage.PassageTiming;
import io.wkmp.ingest.core.tags.FileTags;

/**
 * A stored passage whose identification is PENDING: everything needed to identify it again without decoding.
 *
 * @param passageGuid the passage's {@code guid}
 * @param fileRelativePath its file, relative to the root folder
 * @param passageIndex 0-based position of the passage in its file
 * @param passageCount number of passages of its file
 * @param fingerprint Chromaprint's compressed fingerprint, null when the passage was not fingerprintable
 * @param tags the file's tags as read at import ({@link FileTags#EMPTY} when unknown)
 */
public record PendingPassage(
        String passageGuid,
        String fileRelativePath,
        int passageIndex,
        int passageCount,
        PassageTiming timing,
        String title,
        String artist,
        String album,
        String fingerprint,
        FileTags tags) {}
