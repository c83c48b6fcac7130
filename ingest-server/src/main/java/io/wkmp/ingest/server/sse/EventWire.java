package io.wkmp.ingest.server.sse;

import io.wkmp.ingest.core.error.ImportIssue;
import io.wkmp.ingest.core.session.ImportEvent;
import io.wkmp.ingest.core.session.SessionStatus;
import io.wkmp.ingest.core.session.WorkerActivity;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire form of sessions and their events (spec AIA-SSE-010, AIA-POLL-010): snake_case JSON objects,
 * upper-case states, ISO-8601 timestamps. Stateless.
 */
public final class EventWire {
    private EventWire() {}

    /**
     * The SSE event name of an event: state_changed, progress, file_problem or completed. A problem is never named
     * {@code error}: that is the name under which a browser's EventSource reports a broken connection.
     */
    public static String name(ImportEvent event) {
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
    public static Map<String, Object> data(ImportEvent event) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", name(event));
        m.put("session_id", event.sessionId());
        if (event instanceof ImportEvent.StateChanged) {
            ImportEvent.StateChanged e = (ImportEvent.StateChanged) event;
            m.put("old_state", e.from() == null ? null : e.from().name());
            m.put("new_state", e.to().name());
            m.put("detail", e.detail());
        } else if (event instanceof ImportEvent.IssueRaised) {
            m.putAll(issue(((ImportEvent.IssueRaised) event).issue()));
        } else if (event instanceof ImportEvent.Finished) {
            SessionStatus s = ((ImportEvent.Finished) event).status();
            m.put("state", s.state().name());
            m.put("files_processed", s.filesDone());
            m.put("files_failed", s.filesSkipped());
            m.put("passages_created", s.passagesCreated());
            m.put("duration_seconds", s.elapsedSeconds());
            m.put("status", status(s));
        } else if (event instanceof ImportEvent.Progress) {
            SessionStatus s = ((ImportEvent.Progress) event).status();
            m.put("current", s.filesDone());
            m.put("total", s.filesTotal());
            m.put("operation", s.currentOperation());
            m.put("status", status(s));
        }
        m.put("timestamp", event.at().toString());
        return m;
    }

    /** The polling view of a session (spec AIA-POLL-010 plus counts, rate, ETA and workers). */
    public static Map<String, Object> status(SessionStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("session_id", s.sessionId());
        m.put("state", s.state().name());
        m.put("folder", s.folder());
        m.put(
                "progress",
                Map.of("current", s.filesDone(), "total", s.filesTotal(), "percentage", round(s.percentage())));
        m.put("current_operation", s.currentOperation());
        m.put("errors", s.issues().stream().map(EventWire::issue).toList());
        m.put("started_at", s.startedAt().toString());
        m.put("elapsed_seconds", round(s.elapsedSeconds()));
        m.put("rate_per_second", round(s.ratePerSecond()));
        m.put("estimated_remaining_seconds", s.etaSeconds() < 0 ? null : round(s.etaSeconds()));
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("imported", s.filesImported());
        counts.put("unchanged", s.filesUnchanged());
        counts.put("duplicate", s.filesDuplicate());
        counts.put("failed", s.filesSkipped());
        counts.put("passages_created", s.passagesCreated());
        counts.put("accepted", s.accepted());
        counts.put("review", s.review());
        counts.put("rejected", s.rejected());
        counts.put("pending", s.pending());
        counts.put("still_pending", s.stillPending() < 0 ? null : s.stillPending());
        m.put("counts", counts);
        m.put("workers", workers(s.workers(), Instant.now()));
        m.put("pause_reason", s.pauseReason());
        m.put("terminal", s.state().isTerminal());
        return m;
    }

    private static Map<String, Object> issue(ImportIssue i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file_path", i.filePath());
        m.put("error_code", i.code().name());
        m.put("error_message", i.message());
        m.put("severity", i.severity().name());
        m.put("occurred_at", i.at().toString());
        return m;
    }

    private static List<Map<String, Object>> workers(List<WorkerActivity> workers, Instant now) {
        return workers.stream()
                .map(w -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("worker_id", w.workerId());
                    m.put("file_path", w.filePath());
                    m.put("stage", w.stage());
                    m.put("since", w.since() == null ? null : w.since().toString());
                    boolean busy = w.since() != null && w.filePath() != null;
                    m.put(
                            "elapsed_ms",
                            busy ? Math.max(0, Duration.between(w.since(), now).toMillis()) : null);
                    return m;
                })
                .toList();
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
