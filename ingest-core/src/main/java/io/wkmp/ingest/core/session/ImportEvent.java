package io.wkmp.ingest.core.session;

import io.wkmp.ingest.core.error.ImportIssue;
import java.time.Instant;

/** Events of an import session (spec AIA-SSE-010), in past tense. */
public interface ImportEvent {
    String sessionId();

    Instant at();

    /** The session moved from one state to another. */
    record StateChanged(String sessionId, SessionState from, SessionState to, String detail, Instant at) implements ImportEvent {}

    /** A problem with one file or with the session. */
    record IssueRaised(String sessionId, ImportIssue issue, Instant at) implements ImportEvent {}
}
