package io.wkmp.ingest.core.error;

/** This file cannot be imported (corrupt, unsupported, unreadable); the session skips it and goes on. */
public class FileRejectedException extends IngestException {
    public FileRejectedException(ErrorCode code, String message) {
        super(code, message);
    }

    public FileRejectedException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }

    @Override
    public Severity severity() {
        return Severity.SKIP_FILE;
    }
}
