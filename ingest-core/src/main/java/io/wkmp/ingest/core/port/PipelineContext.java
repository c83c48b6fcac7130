package io.wkmp.ingest.core.port;

import java.util.Optional;
import java.util.function.Supplier;

/** What the session offers the pipeline while it works on one file. Thread-safe; one per worker. */
public interface PipelineContext {
    /** Reports the stage the file is entering, for progress; throws {@link CancelledException} when the session was cancelled. */
    void stage(String stage);

    /**
     * Claims a content hash for this file. Empty when this file is the first with that content; otherwise the
     * relative path of the file (already imported, or being imported now) it duplicates.
     */
    Optional<String> claimHash(String sha256, String relativePath);

    /**
     * Runs {@code call}, which mostly waits for outside services (identification, catalogue flavour, cover art):
     * meanwhile the worker's share of the CPU goes to another file.
     */
    default <T> T waitingOnServices(Supplier<T> call) {
        return call.get();
    }

    /** The session's AcoustID key prompt, for a lookup that AcoustID refuses. */
    AcoustIdKeyPrompt acoustIdKey();

    /** Thrown by the context when the session was cancelled; the pipeline lets it propagate. */
    class CancelledException extends RuntimeException {
        public CancelledException() {
            super("import cancelled", null, false, false);
        }
    }
}
