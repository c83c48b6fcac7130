package io.wkmp.ingest.core.engine;

import io.wkmp.ingest.core.port.LibraryStore;
import io.wkmp.ingest.core.session.SessionRecord;
import io.wkmp.ingest.core.session.SessionStatus;
import java.nio.file.Path;
import java.util.Map;

/**
 * A run's row in the history table, and the count of its folder's passages still PENDING for the summary. Best
 * effort: a failure here never fails the import (the store may be the problem).
 */
final class SessionHistory {
    private static final System.Logger LOG = System.getLogger(SessionHistory.class.getName());

    private final RunState run;
    private final LibraryStore store;
    private final Path folder;
    private final Map<String, String> settings;

    SessionHistory(RunState run, LibraryStore store, Path folder, Map<String, String> settings) {
        this.run = run;
        this.store = store;
        this.folder = folder;
        this.settings = settings;
    }

    /** Inserts or replaces the run's history row from {@code s}; {@code ended} when the run is over. */
    void record(SessionStatus s, boolean ended) {
        try {
            store.recordSession(new SessionRecord(
                    run.sessionId(),
                    s.state(),
                    folder.toString(),
                    settings,
                    s.filesTotal(),
                    s.filesDone(),
                    s.filesSkipped(),
                    s.passagesCreated(),
                    s.currentOperation(),
                    run.progress().allIssues(),
                    s.startedAt(),
                    ended ? run.clock().instant() : null));
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "could not record session " + run.sessionId() + " in the history: " + e.getMessage());
        }
    }

    /** Tells the progress how many passages under {@code folderPrefix} are still PENDING. */
    void countStillPending(String folderPrefix) {
        try {
            run.progress().stillPending(store.countPendingIdentification(folderPrefix));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not count the pending passages: " + e.getMessage());
        }
    }
}
