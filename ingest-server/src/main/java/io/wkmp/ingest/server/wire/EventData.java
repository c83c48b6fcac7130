package io.wkmp.ingest.server.wire;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.wkmp.ingest.core.session.ImportEvent;
import io.wkmp.ingest.core.session.SessionState;
import io.wkmp.ingest.core.session.SessionStatus;

/**
 * The data of a server-sent event (spec AIA-SSE-010; docs/api.md, Events): every kind has {@code type} (its event
 * name) and {@code session_id} first.
 */
public sealed interface EventData {
    String type();

    String sessionId();

    /**
     * The SSE event name of an event: state_changed, progress, file_problem or completed. A problem is never named
     * {@code error}: that is the name under which a browser's EventSource reports a broken connection.
     */
    static String name(ImportEvent event) {
        if (event instanceof ImportEvent.StateChanged) {
            return "state_changed";
        }
        if (event instanceof ImportEvent.IssueRaised) {
            return "file_problem";
        }
        if (event instanceof ImportEvent.Finished) {
            return "completed";
        }
        return "progress";
    }

    /** The data object of an event. */
    static EventData of(ImportEvent event) {
        String type = name(event);
        String at = event.at().toString();
        if (event instanceof ImportEvent.StateChanged e) {
            return new StateChanged(type, e.sessionId(), e.from(), e.to(), e.detail(), at);
        }
        if (event instanceof ImportEvent.IssueRaised e) {
            return new FileProblem(type, e.sessionId(), IssueView.of(e.issue()), at);
        }
        if (event instanceof ImportEvent.Finished e) {
            SessionStatus s = e.status();
            return new Completed(
                    type,
                    e.sessionId(),
                    s.state(),
                    s.filesDone(),
                    s.filesSkipped(),
                    s.passagesCreated(),
                    s.elapsedSeconds(),
                    SessionView.of(s),
                    at);
        }
        if (event instanceof ImportEvent.Progress e) {
            SessionStatus s = e.status();
            return new Progress(
                    type, e.sessionId(), s.filesDone(), s.filesTotal(), s.currentOperation(), SessionView.of(s), at);
        }
        return new Other(type, event.sessionId(), at);
    }

    /** The snapshot a reconnecting client gets when the events it missed are no longer kept. */
    static EventData snapshot(SessionView status) {
        return new Snapshot(
                "progress",
                status.sessionId(),
                true,
                status,
                status.progress().current(),
                status.progress().total());
    }

    /** {@code state_changed}; {@code old_state} is null for the first event. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record StateChanged(
            String type,
            String sessionId,
            SessionState oldState,
            SessionState newState,
            String detail,
            String timestamp)
            implements EventData {}

    /** {@code file_problem}: the fields of the problem itself, then the timestamp. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record FileProblem(
            String type, String sessionId, @JsonUnwrapped IssueView issue, String timestamp) implements EventData {}

    /** {@code completed}, with the final status. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Completed(
            String type,
            String sessionId,
            SessionState state,
            int filesProcessed,
            int filesFailed,
            int passagesCreated,
            double durationSeconds,
            SessionView status,
            String timestamp)
            implements EventData {}

    /** {@code progress}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Progress(
            String type,
            String sessionId,
            int current,
            int total,
            String operation,
            SessionView status,
            String timestamp)
            implements EventData {}

    /** A {@code progress} event standing for events no longer kept: {@code "snapshot": true}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Snapshot(String type, String sessionId, boolean snapshot, SessionView status, int current, int total)
            implements EventData {}

    /** An event of a kind this version does not describe further (named {@code progress}, as before). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Other(String type, String sessionId, String timestamp) implements EventData {}
}
