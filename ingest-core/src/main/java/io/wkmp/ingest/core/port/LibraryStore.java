package io.wkmp.ingest.core.port;

import io.wkmp.ingest.core.library.FileImport;
import io.wkmp.ingest.core.library.KnownFile;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The WKMP database as the import sees it. Writes are atomic per call and serialised (one writer);
 * no call holds a transaction while the caller computes. Thread-safe.
 *
 * @throws io.wkmp.ingest.core.error.CriticalIngestException DB_WRITE_FAILED, DISK_FULL, DATABASE_UNAVAILABLE
 */
public interface LibraryStore extends ResponseCache {
    /** Every known file, by relative path. */
    Map<String, KnownFile> knownFiles();

    /** A completely imported file with this content hash, if any. */
    Optional<KnownFile> findCompleteByHash(String sha256);

    /** Writes the files' complete results in one transaction, replacing earlier results for the same paths. */
    void write(List<FileImport> files);

    /** Removes files (and their passages) that no longer exist on disk. */
    void removeFiles(Collection<String> relativePaths);

    /** Every row of {@code settings}. */
    Map<String, String> readSettings();

    /** Inserts or replaces settings rows. */
    void writeSettings(Map<String, String> settings);
}
