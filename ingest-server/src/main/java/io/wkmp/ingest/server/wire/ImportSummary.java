package io.wkmp.ingest.server.wire;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.ImportIssue;
import io.wkmp.ingest.core.error.Severity;
import io.wkmp.ingest.core.session.SessionState;
import io.wkmp.ingest.core.session.SessionStatus;
import java.util.List;

/**
 * The summary {@code wkmp-ai import --json} prints when the import ends (README, Command line). Unlike the status
 * object of the REST API, {@code still_pending_in_folder} is -1 (not null) when unknown, and an issue has no time.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ImportSummary(
        String sessionId,
        SessionState state,
        String folder,
        String database,
        double elapsedSeconds,
        int filesFound,
        int filesImported,
        int filesUnchanged,
        int filesDuplicate,
        int filesSkipped,
        int passagesCreated,
        Identification identification,
        List<Issue> issues,
        int exitCode) {

    public static ImportSummary of(SessionStatus s, List<ImportIssue> allIssues, String database, int exitCode) {
        return new ImportSummary(
                s.sessionId(),
                s.state(),
                s.folder(),
                database,
                s.elapsedSeconds(),
                s.filesTotal(),
                s.filesImported(),
                s.filesUnchanged(),
                s.filesDuplicate(),
                s.filesSkipped(),
                s.passagesCreated(),
                new Identification(s.accepted(), s.review(), s.rejected(), s.pending(), s.stillPending()),
                allIssues.stream().map(Issue::of).toList(),
                exitCode);
    }

    /** What identification decided on the passages. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Identification(int accepted, int review, int rejected, int pending, int stillPendingInFolder) {}

    /** A problem of the import. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Issue(String filePath, ErrorCode errorCode, Severity severity, String errorMessage) {
        static Issue of(ImportIssue i) {
            return new Issue(i.filePath(), i.code(), i.severity(), i.message());
        }
    }
}
