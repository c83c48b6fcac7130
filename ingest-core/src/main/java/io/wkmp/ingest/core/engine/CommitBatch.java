package io.wkmp.ingest.core.engine;

import io.wkmp.ingest.core.library.FileImport;
import io.wkmp.ingest.core.port.LibraryStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The imported files of a run waiting to be written, shared by its workers: written together once there are
 * {@code size} of them (one transaction), and the rest at the end. No lock is held while writing. Thread-safe.
 */
final class CommitBatch {
    private final LibraryStore store;
    private final Progress progress;
    private final int size;
    private List<FileImport> waiting = new ArrayList<>();

    CommitBatch(LibraryStore store, Progress progress, int size) {
        this.store = store;
        this.progress = progress;
        this.size = Math.max(1, size);
    }

    /** Adds {@code file}; true when that filled the batch, which the caller then {@link #flush}es. */
    synchronized boolean add(FileImport file) {
        waiting.add(file);
        return waiting.size() >= size;
    }

    /**
     * Writes what is waiting.
     *
     * @throws io.wkmp.ingest.core.error.CriticalIngestException when the store cannot write it
     */
    void flush() {
        List<FileImport> files;
        synchronized (this) {
            files = waiting;
            waiting = new ArrayList<>();
        }
        if (!files.isEmpty()) {
            store.write(files);
            files.forEach(progress::committed);
        }
    }
}
