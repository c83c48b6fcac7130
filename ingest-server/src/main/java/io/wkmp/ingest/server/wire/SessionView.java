package io.wkmp.ingest.server.wire;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.wkmp.ingest.core.session.SessionState;
import io.wkmp.ingest.core.session.SessionStatus;
import io.wkmp.ingest.core.session.WorkerActivity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The polling view of a session (spec AIA-POLL-010 plus counts, rate, ETA and workers; docs/api.md): the answer of
 * {@code GET /import/status/{id}} and the {@code status} of progress and completed events. Upper-case states, ISO-8601
 * timestamps, numbers rounded to two decimals.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SessionView(
        String sessionId,
        SessionState state,
        String folder,
        Progress progress,
        String currentOperation,
        List<IssueView> errors,
        String startedAt,
        double elapsedSeconds,
        double ratePerSecond,
        Double estimatedRemainingSeconds,
        Counts counts,
        List<Worker> workers,
        String pauseReason,
        boolean terminal) {

    /** Files done of the total. */
    public record Progress(int current, int total, double percentage) {}

    /** What became of the files and passages so far; {@code still_pending} is null until known. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Counts(
            int imported,
            int unchanged,
            int duplicate,
            int failed,
            int passagesCreated,
            int accepted,
            int review,
            int rejected,
            int pending,
            Integer stillPending) {}

    /** One worker: the file and stage it is on, and since when; {@code elapsed_ms} only while busy. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Worker(int workerId, String filePath, String stage, String since, Long elapsedMs) {
        static Worker of(WorkerActivity w, Instant now) {
            boolean busy = w.since() != null && w.filePath() != null;
            return new Worker(
                    w.workerId(),
                    w.filePath(),
                    w.stage(),
                    w.since() == null ? null : w.since().toString(),
                    busy ? Math.max(0, Duration.between(w.since(), now).toMillis()) : null);
        }
    }

    public static SessionView of(SessionStatus s) {
        Instant now = Instant.now();
        return new SessionView(
                s.sessionId(),
                s.state(),
                s.folder(),
                new Progress(s.filesDone(), s.filesTotal(), round(s.percentage())),
                s.currentOperation(),
                s.issues().stream().map(IssueView::of).toList(),
                s.startedAt().toString(),
                round(s.elapsedSeconds()),
                round(s.ratePerSecond()),
                s.etaSeconds() < 0 ? null : round(s.etaSeconds()),
                new Counts(
                        s.filesImported(),
                        s.filesUnchanged(),
                        s.filesDuplicate(),
                        s.filesSkipped(),
                        s.passagesCreated(),
                        s.accepted(),
                        s.review(),
                        s.rejected(),
                        s.pending(),
                        s.stillPending() < 0 ? null : s.stillPending()),
                s.workers().stream().map(w -> Worker.of(w, now)).toList(),
                s.pauseReason(),
                s.state().isTerminal());
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
