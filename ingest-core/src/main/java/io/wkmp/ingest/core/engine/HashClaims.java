package io.wkmp.ingest.core.engine;

import io.wkmp.ingest.core.library.FileStatus;
import io.wkmp.ingest.core.library.KnownFile;
import io.wkmp.ingest.core.port.LibraryStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which file holds each content hash, for one run: the first file to claim a hash is imported, a later one with the
 * same content is its DUPLICATE HASH. Seeded with the unchanged files of the scan; the library is asked about a hash
 * this run has not met. Thread-safe.
 */
final class HashClaims {
    private final Map<String, String> claims = new ConcurrentHashMap<>();
    private final LibraryStore store;

    HashClaims(LibraryStore store) {
        this.store = store;
    }

    /** A file the scan found unchanged holds its hash when it was imported completely. */
    void unchanged(KnownFile file) {
        if (file.status() == FileStatus.INGEST_COMPLETE && file.sha256() != null) {
            claims.putIfAbsent(file.sha256(), file.relativePath());
        }
    }

    /** See {@link io.wkmp.ingest.core.port.PipelineContext#claimHash}. */
    Optional<String> claim(String sha256, String relativePath) {
        String first = claims.putIfAbsent(sha256, relativePath);
        if (first != null && !first.equals(relativePath)) {
            return Optional.of(first);
        }
        if (first == null) {
            Optional<KnownFile> done = store.findCompleteByHash(sha256);
            if (done.isPresent() && !done.get().relativePath().equals(relativePath)) {
                return Optional.of(done.get().relativePath());
            }
        }
        return Optional.empty();
    }
}
