package io.wkmp.ingest.core.error;

/** The session cannot go on (database unwritable, disk full); it stops as FAILED, keeping what was committed. */
public class CriticalIngestException extends IngestException {
    public CriticalIngestException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }

    @Override
    public Severity severity() {
        return Severity.CRITICAL;
    }
}
