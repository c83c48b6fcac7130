package io.wkmp.ingest.core.session;

import io.wkmp.ingest.core.error.ImportIssue;
import java.time.Instant;
import java.util.List;

/**
 * A snapshot of an import session, for status polling (spec AIA-POLL-010), SSE progress events and the
 * command line's progress bar.
 *
 * @param folder the imported folder, relative to the root ("" for the root itself)
 * @param filesTotal audio files found (grows while SCANNING)
 * @param filesDone files finished, whatever their outcome
 * @param filesImported files written with their passages
 * @param filesUnchanged files skipped because already imported and unchanged
 * @param filesDuplicate files recorded as duplicates of another file's content
 * @param filesSkipped files that failed (see issues)
 * @param accepted passages this session identified (ACCEPT); likewise {@code review}, {@code rejected}
 * @param pending passages this session left PENDING
 * @param stillPending passages of the imported folder whose identification is PENDING in the database when the
 *     session ended, whichever run left them so; -1 while the session runs
 * @param filesInProgress how much of the files being worked on is done, in files (each counts by the stage its worker
 *     is in), so that the percentage moves before a file ends; 0 once the session ended
 * @param ratePerSecond files finished per second since the session started (unchanged files included)
 * @param etaSeconds estimated seconds left, -1 when unknown
 * @param pauseReason why PAUSED, else null
 */
public record SessionStatus(
        String sessionId,
        SessionState state,
        String folder,
        Instant startedAt,
        double elapsedSeconds,
        int filesTotal,
        int filesDone,
        int filesImported,
        int filesUnchanged,
        int filesDuplicate,
        int filesSkipped,
        int passagesCreated,
        int accepted,
        int review,
        int rejected,
        int pending,
        int stillPending,
        double filesInProgress,
        double ratePerSecond,
        double etaSeconds,
        List<WorkerActivity> workers,
        List<ImportIssue> issues,
        String currentOperation,
        String pauseReason) {
    public SessionStatus {
        workers = List.copyOf(workers);
        issues = List.copyOf(issues);
    }

    /** Percentage of the work done, 0..100: the files done and the done part of the files being worked on. */
    public double percentage() {
        if (filesTotal == 0) {
            return state.isTerminal() ? 100 : 0;
        }
        return Math.min(100.0, 100.0 * (filesDone + filesInProgress) / filesTotal);
    }
}
