package io.wkmp.ingest.core.engine;

import io.wkmp.ingest.core.error.ImportIssue;
import io.wkmp.ingest.core.identification.Decision;
import io.wkmp.ingest.core.library.FileImport;
import io.wkmp.ingest.core.library.FileStatus;
import io.wkmp.ingest.core.library.PassageImport;
import io.wkmp.ingest.core.session.FileStage;
import io.wkmp.ingest.core.session.SessionState;
import io.wkmp.ingest.core.session.SessionStatus;
import io.wkmp.ingest.core.session.WorkerActivity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** Counters, worker activity and issues of one session, and the snapshots made from them (spec AIA-PERF-050). Thread-safe. */
final class Progress {
    /** Issues a status snapshot carries at most (the most recent). */
    static final int STATUS_ISSUES = 500;

    private final Clock clock;

    private final Instant startedAt;
    private final AtomicInteger total = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger imported = new AtomicInteger();
    private final AtomicInteger unchanged = new AtomicInteger();
    private final AtomicInteger duplicate = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private final AtomicInteger rejectedAtScan = new AtomicInteger();
    private final AtomicInteger passages = new AtomicInteger();
    private final AtomicInteger[] decisions = new AtomicInteger[Decision.values().length];
    private final List<ImportIssue> issues = new ArrayList<>();
    private volatile AtomicReferenceArray<WorkerActivity> workers = new AtomicReferenceArray<>(0);
    private volatile Instant processingSince;
    private volatile int doneAtProcessingStart;
    private volatile Instant finishedAt;
    private volatile int stillPending = -1;

    Progress(Clock clock) {
        this.clock = clock;
        this.startedAt = clock.instant();
        for (int i = 0; i < decisions.length; i++) {
            decisions[i] = new AtomicInteger();
        }
    }

    void found(int count) {
        total.set(count);
    }

    /** A file with an audio name was refused while scanning (not audio, unreadable): it counts as found and skipped. */
    void rejectedAtScan() {
        rejectedAtScan.incrementAndGet();
        skipped();
    }

    void unchanged(int count) {
        unchanged.addAndGet(count);
        done.addAndGet(count);
    }

    void processingStarted(int workerCount) {
        AtomicReferenceArray<WorkerActivity> w = new AtomicReferenceArray<>(workerCount);
        for (int i = 0; i < workerCount; i++) {
            w.set(i, new WorkerActivity(i + 1, null, null, clock.instant()));
        }
        workers = w;
        doneAtProcessingStart = done.get();
        processingSince = clock.instant();
    }

    void working(int worker, String path, String stage) {
        workers.set(worker, new WorkerActivity(worker + 1, path, stage, clock.instant()));
    }

    void idle(int worker) {
        workers.set(worker, new WorkerActivity(worker + 1, null, null, clock.instant()));
    }

    /** A file was committed. */
    void committed(FileImport f) {
        if (f.status() == FileStatus.DUPLICATE_HASH) {
            duplicate.incrementAndGet();
        } else {
            imported.incrementAndGet();
        }
        passages.addAndGet(f.passages().size());
        for (PassageImport p : f.passages()) {
            if (p.identification() != null) {
                decisions[p.identification().decision().ordinal()].incrementAndGet();
            }
        }
        done.incrementAndGet();
    }

    /** A stored passage got a new identification (finishing an earlier run's PENDING one). */
    void decided(io.wkmp.ingest.core.identification.Identification id) {
        decisions[id.decision().ordinal()].incrementAndGet();
    }

    /** A file was skipped. */
    void skipped() {
        skipped.incrementAndGet();
        done.incrementAndGet();
    }

    synchronized void issue(ImportIssue issue) {
        issues.add(issue);
    }

    synchronized List<ImportIssue> allIssues() {
        return List.copyOf(issues);
    }

    void finished() {
        finishedAt = clock.instant();
    }

    /** The imported folder's passages still PENDING at the end (read from the store). */
    void stillPending(int passages) {
        stillPending = passages;
    }

    SessionStatus snapshot(String sessionId, SessionState state, String folder, String pauseReason) {
        Instant now = finishedAt != null ? finishedAt : clock.instant();
        double elapsed = seconds(startedAt, now);
        int t = total.get() + rejectedAtScan.get(), d = done.get();
        // every file done counts, the unchanged ones found while scanning too, over the whole session
        double rate = elapsed > 0 && d > 0 ? d / elapsed : 0;
        double eta = -1;
        Instant since = processingSince;
        if (state.isTerminal()) {
            eta = 0;
        } else if (since != null) {
            // the time left depends on the files that need work: their rate since processing began
            double secs = seconds(since, now);
            int processed = d - doneAtProcessingStart;
            if (secs > 0 && processed > 0) {
                eta = (t - d) / (processed / secs);
            }
        }
        List<WorkerActivity> ws = new ArrayList<>();
        AtomicReferenceArray<WorkerActivity> w = workers;
        double inFlight = 0;
        for (int i = 0; i < w.length(); i++) {
            WorkerActivity a = w.get(i);
            ws.add(a);
            if (a.filePath() != null && a.stage() != null) {
                inFlight += FileStage.doneOnEntry(a.stage());
            }
        }
        inFlight = Math.min(inFlight, Math.max(0, t - d));
        List<ImportIssue> recent;
        synchronized (this) {
            recent = List.copyOf(issues.subList(Math.max(0, issues.size() - STATUS_ISSUES), issues.size()));
        }
        String operation;
        if (state == SessionState.SCANNING) {
            // the scanner reports its count when the walk is done: until then say nothing about a number
            operation = t == 0 ? "Scanning for audio files" : "Scanning: " + t + " audio files found";
        } else if (state == SessionState.PAUSED) {
            operation = "Paused: " + pauseReason;
        } else if (state.isTerminal()) {
            operation = state + ": " + d + " of " + t + " files";
        } else {
            operation = "Processing " + d + " of " + t + " files";
        }
        return new SessionStatus(
                sessionId,
                state,
                folder,
                startedAt,
                elapsed,
                t,
                d,
                imported.get(),
                unchanged.get(),
                duplicate.get(),
                skipped.get(),
                passages.get(),
                count(Decision.ACCEPT),
                count(Decision.REVIEW),
                count(Decision.REJECT),
                count(Decision.PENDING),
                stillPending,
                state.isTerminal() ? 0 : inFlight,
                rate,
                eta,
                ws,
                recent,
                operation,
                pauseReason);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private int count(Decision d) {
        return decisions[d.ordinal()].get();
    }
}
