package io.wkmp.ingest.server.wire;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.ImportIssue;
import io.wkmp.ingest.core.error.Severity;

/** A problem with one file or with the session, as it appears in a status's {@code errors} and in a {@code file_problem} event. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record IssueView(
        String filePath, ErrorCode errorCode, String errorMessage, Severity severity, String occurredAt) {

    public static IssueView of(ImportIssue i) {
        return new IssueView(i.filePath(), i.code(), i.message(), i.severity(), i.at().toString());
    }
}
