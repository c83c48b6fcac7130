package io.wkmp.ingest.core.error;

import java.time.Instant;
import java.util.Objects;

/**
 * One problem met during an import, as reported in status, SSE and the final summary.
 *
 * @param filePath path relative to the root folder, forward slashes; null for session-wide problems
 */
public record ImportIssue(ErrorCode code, Severity severity, String filePath, String message, Instant at) {
    public ImportIssue {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(at, "at");
        message = message == null || message.isBlank() ? code.description() : message;
    }

    /** The issue an exception stands for. */
    public static ImportIssue of(IngestException e, String filePath, Instant at) {
        return new ImportIssue(e.code(), e.severity(), filePath, e.getMessage(), at);
    }
}
