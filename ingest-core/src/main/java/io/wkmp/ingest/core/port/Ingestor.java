package io.wkmp.ingest.core.port;

import io.wkmp.ingest.core.params.ImportParameters;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The driving API: starts imports of folders inside one WKMP root folder and finds their sessions.
 * One import runs at a time (spec AIA-DB-010). Thread-safe.
 */
public interface Ingestor {
    /** The WKMP root folder (holds wkmp.db); every imported folder lies inside it. */
    Path rootFolder();

    /**
     * Starts importing {@code folder} (absolute, or relative to the root) in the background.
     *
     * @throws IllegalArgumentException when the folder does not exist, is not a readable directory or lies outside the root
     * @throws ImportConflictException when another import is still running
     */
    ImportSession start(Path folder, ImportParameters params);

    /**
     * Starts like {@link #start(Path, ImportParameters)}; with {@code acoustId} false the session never asks AcoustID
     * (as if the user had skipped it at once, and says so in a warning): its passages keep their fingerprints and stay
     * pending for a later run.
     */
    ImportSession start(Path folder, ImportParameters params, boolean acoustId);

    /** A session of this process by id, running or finished. */
    Optional<ImportSession> session(String id);

    /** The session that is not yet finished, if any. */
    Optional<ImportSession> active();

    /** Another import is running. */
    class ImportConflictException extends IllegalStateException {
        private final String activeSessionId;

        public ImportConflictException(String activeSessionId) {
            super("an import is already running (session " + activeSessionId + ")");
            this.activeSessionId = activeSessionId;
        }

        public String activeSessionId() {
            return activeSessionId;
        }
    }
}
