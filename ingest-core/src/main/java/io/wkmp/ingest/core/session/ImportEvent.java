package io.wkmp.ingest.core.session;

import io.wkmp.ingest.core.error.ImportIssue;
import java.time.Instant;

/** Events of an import session (spec AIA-SSE-010), in past tense. */
public interface ImportEvent {
    String sessionId();

    Instant at();

    /** The session moved from one state to another; {@code detail} says why where useful (pause reason, failure). */
    record StateChanged(String sessionId, SessionState from, SessionState to, String detail, Instant at)
            implements ImportEvent {}

    /** Periodic progress (at least every 2 s while running). */
    record Progress(String sessionId, SessionStatus status, Instant at) implements ImportEvent {}

    /** A problem with one file or with the session. */
    record IssueRaised(String sessionId, ImportIssue issue, Instant at) implements ImportEvent {}

    /** The session finished (COMPLETED, CANCELLED or FAILED); {@code status} is final. */
    record Finished(String sessionId, SessionStatus status, Instant at) implements ImportEvent {}

    /** An event with its place in the session's event log, for clients that reconnect and catch up. */
    record Sequenced(long sequence, ImportEvent event) {}
}
