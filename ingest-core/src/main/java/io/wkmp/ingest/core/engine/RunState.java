package io.wkmp.ingest.core.engine;

import io.wkmp.ingest.core.error.CriticalIngestException;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.ImportIssue;
import io.wkmp.ingest.core.error.Severity;
import io.wkmp.ingest.core.session.ImportEvent;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the parts of one import run share: where its issues go (the progress and the event log), and whether it is
 * stopping (cancelled, or a critical problem). Thread-safe.
 */
final class RunState {
    private final String sessionId;
    private final Clock clock;
    private final Progress progress;
    private final EventLog log;
    private final AtomicReference<CriticalIngestException> critical = new AtomicReference<>();
    private volatile boolean cancelled;

    RunState(String sessionId, Clock clock, Progress progress, EventLog log) {
        this.sessionId = sessionId;
        this.clock = clock;
        this.progress = progress;
        this.log = log;
    }

    String sessionId() {
        return sessionId;
    }

    Clock clock() {
        return clock;
    }

    Progress progress() {
        return progress;
    }

    EventLog log() {
        return log;
    }

    /** Counts {@code issue} in the progress and publishes it. */
    void issue(ImportIssue issue) {
        progress.issue(issue);
        log.publish(new ImportEvent.IssueRaised(sessionId, issue, clock.instant()));
    }

    /** {@link #issue} of a new issue raised now. */
    void issue(ErrorCode code, Severity severity, String relativePath, String message) {
        issue(new ImportIssue(code, severity, relativePath, message, clock.instant()));
    }

    /** Records the run's first critical problem (later ones are only reported), met on {@code relativePath} or none. */
    void critical(CriticalIngestException e, String relativePath) {
        critical.compareAndSet(null, e);
        issue(ImportIssue.of(e, relativePath, clock.instant()));
    }

    /** The run's first critical problem, if any. */
    Optional<CriticalIngestException> critical() {
        return Optional.ofNullable(critical.get());
    }

    void markCancelled() {
        cancelled = true;
    }

    boolean cancelled() {
        return cancelled;
    }

    /** Cancelled, or a critical problem was met: no further file is started. */
    boolean stopping() {
        return cancelled || critical.get() != null;
    }
}
