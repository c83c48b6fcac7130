package io.wkmp.ingest.core.error;

/** Root of the import failures: carries a stable {@link ErrorCode}. Unchecked, like Jdbi's exceptions. */
public class IngestException extends RuntimeException {
    private final ErrorCode code;

    public IngestException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public IngestException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = java.util.Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }

    /** The severity this failure has for the session. */
    public Severity severity() {
        return code.defaultSeverity();
    }
}
