package io.wkmp.ingest.testkit.memory;

import io.wkmp.ingest.core.error.CriticalIngestException;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.library.FileImport;
import io.wkmp.ingest.core.library.FileStatus;
import io.wkmp.ingest.core.library.KnownFile;
import io.wkmp.ingest.core.port.LibraryStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A {@link LibraryStore} in memory, for tests of code that writes the library. Writes are atomic per
 * call; a failure can be injected for files matching a predicate. Thread-safe.
 */
public final class InMemoryLibraryStore implements LibraryStore {
    private final Map<String, FileImport> files = new LinkedHashMap<>();
    private final Map<String, KnownFile> known = new LinkedHashMap<>();
    private final Map<String, String> settings = new HashMap<>();
    private final Map<String, String> cache = new HashMap<>();
    private final AtomicInteger writeCalls = new AtomicInteger();
    private volatile Predicate<FileImport> failWhen = f -> false;

    /** Makes every later write that contains a matching file fail as the database would (DB_WRITE_FAILED). */
    public InMemoryLibraryStore failWritesOf(Predicate<FileImport> failWhen) {
        this.failWhen = failWhen;
        return this;
    }

    @Override
    public synchronized Map<String, KnownFile> knownFiles() {
        return new LinkedHashMap<>(known);
    }

    @Override
    public synchronized Optional<KnownFile> findCompleteByHash(String sha256) {
        return known.values().stream()
                .filter(k -> k.status() == FileStatus.INGEST_COMPLETE && sha256.equals(k.sha256()))
                .findFirst();
    }

    @Override
    public synchronized void write(List<FileImport> batch) {
        writeCalls.incrementAndGet();
        for (FileImport f : batch) {
            if (failWhen.test(f)) {
                throw new CriticalIngestException(ErrorCode.DB_WRITE_FAILED, "injected write failure for " + f.relativePath(), null);
            }
        }
        for (FileImport f : batch) {
            files.put(f.relativePath(), f);
            KnownFile before = known.get(f.relativePath());
            String guid = before == null ? UUID.randomUUID().toString() : before.guid();
            known.put(f.relativePath(), new KnownFile(guid, f.relativePath(), f.sha256(), f.sizeBytes(), f.modifiedAt(), f.status()));
        }
    }

    @Override
    public synchronized void removeFiles(Collection<String> relativePaths) {
        for (String p : relativePaths) {
            files.remove(p);
            known.remove(p);
        }
    }

    @Override
    public synchronized Map<String, String> readSettings() {
        return new HashMap<>(settings);
    }

    @Override
    public synchronized void writeSettings(Map<String, String> values) {
        settings.putAll(values);
    }

    @Override
    public synchronized Optional<String> get(Kind kind, String key) {
        return Optional.ofNullable(cache.get(kind + "/" + key));
    }

    @Override
    public synchronized void put(Kind kind, String key, String value) {
        cache.put(kind + "/" + key, value);
    }

    /** The last written result of a file. */
    public synchronized Optional<FileImport> file(String relativePath) {
        return Optional.ofNullable(files.get(relativePath));
    }

    /** Every written file result, in first-write order. */
    public synchronized List<FileImport> files() {
        return List.copyOf(files.values());
    }

    /** How many write calls (transactions) there were. */
    public int writeCalls() {
        return writeCalls.get();
    }
}
