package io.wkmp.ingest.core.port;

/**
 * Imports one file end to end, without writing it: verify, tags and context, hash, decode once
 * (segments, fingerprints, amplitude), identify, flavour. Thread-safe: workers call it concurrently.
 *
 * <p>Problems that skip the file come back as {@link FileOutcome.Skipped} (or a
 * {@link io.wkmp.ingest.core.error.FileRejectedException}); critical ones as a
 * {@link io.wkmp.ingest.core.error.CriticalIngestException}.
 */
@FunctionalInterface
public interface FilePipeline {
    FileOutcome process(FileTask task, PipelineContext context);

    /**
     * How many files more than the workers may be in progress while waiting for outside services (see
     * {@link PipelineContext#waitingOnServices}); 0 when the pipeline does not wait for any.
     */
    default int filesWaitingOnServices() {
        return 0;
    }
}
