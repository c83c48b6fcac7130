package io.wkmp.ingest.core.port;

/**
 * The AcoustID key prompt of one import session (spec AIA-SEC-030), as the pipeline meets it: the first refused
 * lookup pauses the session until the user enters a valid key or skips AcoustID for the session. Thread-safe.
 */
public interface AcoustIdKeyPrompt {
    /** Whether AcoustID may be used (false after the user chose to skip it for this session). */
    boolean enabled();

    /** How many answers to the prompt there have been; read it before an attempt that uses the key. */
    long version();

    /**
     * AcoustID refused the API key on an attempt that began at {@code versionAtAttempt}. When the user has answered
     * since (the attempt still used the old key), returns at once: true to retry with the new key, false when
     * AcoustID was skipped. Otherwise pauses the session and blocks until the user enters a valid key (true:
     * retry) or skips AcoustID for the session (false).
     *
     * @throws PipelineContext.CancelledException when the session is cancelled meanwhile
     */
    boolean refused(String message, long versionAtAttempt);
}
