package io.wkmp.ingest.core.session;

import io.wkmp.ingest.core.error.ImportIssue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One import session as kept in the history ({@code import_sessions}).
 *
 * @param rootFolder the folder imported (absolute)
 * @param parameters the import parameters used, as settings text
 * @param endedAt null while the session runs
 */
public record SessionRecord(
        String sessionId,
        SessionState state,
        String rootFolder,
        Map<String, String> parameters,
        int filesTotal,
        int filesProcessed,
        int filesSkipped,
        int passagesCreated,
        String currentOperation,
        List<ImportIssue> issues,
        Instant startedAt,
        Instant endedAt) {
    public SessionRecord {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedAt, "startedAt");
        parameters = Map.copyOf(parameters);
        issues = List.copyOf(issues);
    }
}
