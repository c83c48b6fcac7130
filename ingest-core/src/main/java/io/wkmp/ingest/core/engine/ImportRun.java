package io.wkmp.ingest.core.engine;

import io.wkmp.ingest.core.error.CriticalIngestException;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.FileRejectedException;
import io.wkmp.ingest.core.error.ImportIssue;
import io.wkmp.ingest.core.error.Severity;
import io.wkmp.ingest.core.identification.Identification;
import io.wkmp.ingest.core.library.FileImport;
import io.wkmp.ingest.core.library.FileStatus;
import io.wkmp.ingest.core.library.KnownFile;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.params.Parameter;
import io.wkmp.ingest.core.port.AcoustIdKeyPrompt;
import io.wkmp.ingest.core.port.AcoustIdKeys;
import io.wkmp.ingest.core.port.FileDiscovery;
import io.wkmp.ingest.core.port.FileOutcome;
import io.wkmp.ingest.core.port.FilePipeline;
import io.wkmp.ingest.core.port.FileTask;
import io.wkmp.ingest.core.port.IdentificationRedo;
import io.wkmp.ingest.core.port.ImportEvents;
import io.wkmp.ingest.core.port.LibraryStore;
import io.wkmp.ingest.core.port.PipelineContext;
import io.wkmp.ingest.core.session.ImportEvent;
import io.wkmp.ingest.core.session.SessionLifecycle;
import io.wkmp.ingest.core.session.SessionRecord;
import io.wkmp.ingest.core.session.SessionState;
import io.wkmp.ingest.core.session.SessionStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One import session: SCANNING (discover, sort out unchanged and vanished files), then PROCESSING with N
 * workers, each taking the next file through the {@link FilePipeline} and committing its result
 * (spec AIA-ASYNC-010..040). N bounds the files being analysed at once; a file waiting for outside services
 * (identification) gives its share to the next file, so up to {@link FilePipeline#filesWaitingOnServices} more
 * files are in progress, and their AcoustID lookups can travel together. Thread-safe.
 */
final class ImportRun implements ImportSession {
    static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(2);
    private static final System.Logger LOG = System.getLogger(ImportRun.class.getName());

    private final String id;
    private final Path folder;
    private final String folderLabel;
    private final String relativePrefix;
    private final ImportParameters params;
    private final Clock clock;
    private final LibraryStore store;
    private final FileDiscovery discovery;
    private final FilePipeline pipeline;
    private final AcoustIdKeys acoustIdKeys;
    private final IdentificationRedo redo;
    private final int workerCount;
    private final LiveWorkers live;
    private final EventLog log = new EventLog();
    private final Progress progress;
    private final SessionLifecycle lifecycle;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Map<String, String> hashClaims = new ConcurrentHashMap<>();
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicReference<CriticalIngestException> critical = new AtomicReference<>();
    private final AcoustIdPrompt prompt;
    private volatile boolean cancelled;
    private ScheduledExecutorService ticker;

    /** False when the session was started without AcoustID. */
    private final boolean acoustIdFromStart;

    ImportRun(
            String id,
            Path folder,
            String relativeFolder,
            ImportParameters params,
            Clock clock,
            LibraryStore store,
            FileDiscovery discovery,
            FilePipeline pipeline,
            IdentificationRedo redo,
            AcoustIdKeys acoustIdKeys,
            int workerCount,
            boolean acoustId,
            LiveWorkers live) {
        this.id = id;
        this.acoustIdFromStart = acoustId;
        this.folder = folder;
        this.folderLabel = relativeFolder;
        this.relativePrefix = relativeFolder.isEmpty() ? "" : relativeFolder + "/";
        this.params = params;
        this.clock = clock;
        this.store = store;
        this.discovery = discovery;
        this.pipeline = pipeline;
        this.acoustIdKeys = acoustIdKeys;
        this.redo = redo;
        this.workerCount = workerCount;
        this.live = live;
        this.progress = new Progress(clock);
        this.lifecycle = new SessionLifecycle(
                clock, (from, to, at) -> log.publish(new ImportEvent.StateChanged(id, from, to, detailFor(to), at)));
        this.prompt = new AcoustIdPrompt(
                lifecycle,
                () -> cancelled,
                message -> issue(new ImportIssue(
                        ErrorCode.ACOUSTID_INVALID_KEY, Severity.WARNING, null, message, clock.instant())),
                this::publishProgress);
        if (!acoustId) {
            prompt.answer(false);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public SessionStatus status() {
        SessionState state = lifecycle.state();
        return progress.snapshot(id, state, folderLabel, lifecycle.pauseReason().orElse(null));
    }

    @Override
    public List<ImportEvent.Sequenced> eventsSince(long afterSequence) {
        return log.since(afterSequence);
    }

    @Override
    public void subscribe(ImportEvents listener) {
        log.subscribe(listener);
    }

    @Override
    public void subscribe(ImportEvents listener, long afterSequence) {
        log.subscribe(listener, afterSequence);
    }

    @Override
    public void unsubscribe(ImportEvents listener) {
        log.unsubscribe(listener);
    }

    @Override
    public void cancel() {
        if (lifecycle.state().isTerminal()) {
            return;
        }
        cancelled = true;
        prompt.wakeAll();
        synchronized (workers) {
            for (Thread t : workers) {
                t.interrupt();
            }
        }
    }

    @Override
    public boolean provideAcoustIdKey(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return false;
        }
        String key = apiKey.strip(); // the one place a key given to a session is cleaned
        if (!acoustIdKeys.validate(key)) {
            return false;
        }
        acoustIdKeys.use(key);
        prompt.answer(true);
        return true;
    }

    @Override
    public void skipAcoustId() {
        issue(new ImportIssue(
                ErrorCode.ACOUSTID_INVALID_KEY,
                Severity.WARNING,
                null,
                "AcoustID skipped for this session: passages are imported with their fingerprints and their identification"
                        + " stays pending until a later run with a valid AcoustID key finishes it (no decoding again)",
                clock.instant()));
        prompt.answer(false);
    }

    @Override
    public SessionStatus await(Duration timeout) throws InterruptedException {
        finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return status();
    }

    /** Runs the whole session on the calling thread. */
    void run() {
        log.publish(
                new ImportEvent.StateChanged(id, null, SessionState.SCANNING, "importing " + folder, clock.instant()));
        if (!acoustIdFromStart) {
            issue(new ImportIssue(
                    ErrorCode.ACOUSTID_INVALID_KEY,
                    Severity.WARNING,
                    null,
                    "AcoustID not used: this import was started without it. Passages are imported with their"
                            + " fingerprints and their identification stays pending until a later run with AcoustID"
                            + " finishes it (no decoding again)",
                    clock.instant()));
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "wkmp-progress-" + id.substring(0, 8)));
        ticker.scheduleAtFixedRate(
                this::publishProgress,
                PROGRESS_INTERVAL.toMillis(),
                PROGRESS_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            record(false);
            List<FileTask> todo = scan();
            if (cancelled) {
                lifecycle.cancel();
                return;
            }
            lifecycle.beginProcessing();
            publishProgress();
            process(todo);
            if (!stopping()) {
                redoPending();
            }
            if (critical.get() != null) {
                lifecycle.fail(critical.get().code(), critical.get().getMessage());
            } else if (cancelled) {
                lifecycle.cancel();
            } else {
                lifecycle.complete();
            }
        } catch (CriticalIngestException e) {
            issue(ImportIssue.of(e, null, clock.instant()));
            failSafely(e.code(), e.getMessage());
        } catch (IllegalArgumentException e) {
            issue(new ImportIssue(ErrorCode.INVALID_ROOT, Severity.CRITICAL, null, e.getMessage(), clock.instant()));
            failSafely(ErrorCode.INVALID_ROOT, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "import session " + id + " failed", e);
            failSafely(ErrorCode.INTERNAL_ERROR, String.valueOf(e));
        } finally {
            ticker.shutdownNow();
            countStillPending();
            progress.finished();
            record(true);
            log.publish(new ImportEvent.Finished(id, status(), clock.instant()));
            finished.countDown();
        }
    }

    /** Keeps the session in the history table; best effort: a failure here never fails the import. */
    private void record(boolean ended) {
        SessionStatus s = status();
        try {
            store.recordSession(new SessionRecord(
                    id,
                    s.state(),
                    folder.toString(),
                    params.toSettings(),
                    s.filesTotal(),
                    s.filesDone(),
                    s.filesSkipped(),
                    s.passagesCreated(),
                    s.currentOperation(),
                    progress.allIssues(),
                    s.startedAt(),
                    ended ? clock.instant() : null));
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "could not record session " + id + " in the history: " + e.getMessage());
        }
    }

    private List<FileTask> scan() {
        Map<String, KnownFile> known = store.knownFiles();
        List<FileTask> found = discovery.discover(folder, progress::found, (path, code, reason) -> {
            issue(new ImportIssue(code, Severity.SKIP_FILE, path, reason, clock.instant()));
            progress.rejectedAtScan();
        });
        progress.found(found.size());
        Set<String> present = new HashSet<>();
        List<FileTask> todo = new ArrayList<>();
        int same = 0;
        for (FileTask t : found) {
            present.add(t.relativePath());
            KnownFile k = known.get(t.relativePath());
            if (!LibraryStore.needsImport(k, t.sizeBytes(), t.modifiedAt())) {
                same++;
                if (k.status() == FileStatus.INGEST_COMPLETE && k.sha256() != null) {
                    hashClaims.putIfAbsent(k.sha256(), k.relativePath());
                }
            } else {
                todo.add(t);
            }
        }
        progress.unchanged(same);
        List<String> vanished = new ArrayList<>();
        for (String path : known.keySet()) {
            if (path.startsWith(relativePrefix) && !present.contains(path)) {
                vanished.add(path);
            }
        }
        if (!vanished.isEmpty() && !cancelled) {
            store.removeFiles(vanished);
            LOG.log(System.Logger.Level.INFO, "removed " + vanished.size() + " files that no longer exist");
        }
        return todo;
    }

    private void process(List<FileTask> todo) {
        int analysing = Math.max(1, Math.min(workerCount, Math.max(1, todo.size())));
        int n = Math.max(1, Math.min(todo.size(), analysing + pipeline.filesWaitingOnServices()));
        Queue<FileTask> queue = new ConcurrentLinkedQueue<>(analysing == 1 ? todo : largestFirst(todo));
        Semaphore cpu = new Semaphore(analysing);
        progress.processingStarted(n);
        int batch = params.integer(Parameter.DB_BATCH_FILES);
        synchronized (workers) {
            for (int i = 0; i < n; i++) {
                int worker = i;
                Thread t = new Thread(() -> work(worker, queue, batch, cpu), "wkmp-worker-" + (i + 1));
                t.setDaemon(true);
                live.started(t);
                workers.add(t);
            }
            workers.forEach(Thread::start);
        }
        for (Thread t : List.copyOf(workers)) {
            boolean joined = false;
            while (!joined) {
                try {
                    t.join();
                    joined = true;
                } catch (InterruptedException e) {
                    cancel();
                }
            }
        }
    }

    /**
     * For several workers, the largest files first (stable: among equal sizes, and so among duplicates, path order
     * stays): a single-file album rip taken last would keep one worker busy while the others idle.
     */
    static List<FileTask> largestFirst(List<FileTask> todo) {
        List<FileTask> sorted = new ArrayList<>(todo);
        sorted.sort(java.util.Comparator.comparingLong(FileTask::sizeBytes).reversed());
        return sorted;
    }

    private void work(int worker, Queue<FileTask> queue, int batchSize, Semaphore cpu) {
        List<FileImport> batch = new ArrayList<>();
        WorkerContext ctx = new WorkerContext(worker, cpu);
        try {
            FileTask task;
            while (!stopping() && ctx.takeCpu() && (task = queue.poll()) != null) {
                prompt.awaitUnpaused();
                if (stopping()) {
                    break;
                }
                ctx.current = task;
                progress.working(worker, task.relativePath(), "start");
                FileOutcome outcome = runPipeline(task, ctx);
                ctx.giveCpu();
                if (outcome instanceof FileOutcome.Imported) {
                    FileOutcome.Imported imported = (FileOutcome.Imported) outcome;
                    imported.warnings().forEach(this::issue);
                    batch.add(imported.result());
                    if (batch.size() >= batchSize) {
                        progress.working(worker, task.relativePath(), "write");
                        commit(batch);
                    }
                } else if (outcome instanceof FileOutcome.Skipped && !cancelled) {
                    issue(((FileOutcome.Skipped) outcome).issue());
                    progress.skipped();
                }
                progress.idle(worker);
            }
            commit(batch);
        } catch (CriticalIngestException e) {
            critical.compareAndSet(null, e);
            issue(ImportIssue.of(e, ctx.current == null ? null : ctx.current.relativePath(), clock.instant()));
            cancel();
        } finally {
            ctx.giveCpu();
            live.finished();
            progress.idle(worker);
        }
    }

    private FileOutcome runPipeline(FileTask task, WorkerContext ctx) {
        try {
            return pipeline.process(task, ctx);
        } catch (PipelineContext.CancelledException e) {
            return null;
        } catch (FileRejectedException e) {
            return cancelled ? null : new FileOutcome.Skipped(ImportIssue.of(e, task.relativePath(), clock.instant()));
        } catch (CriticalIngestException e) {
            throw e;
        } catch (RuntimeException e) {
            if (cancelled) {
                return null;
            }
            LOG.log(System.Logger.Level.ERROR, "unexpected failure importing " + task.relativePath(), e);
            return new FileOutcome.Skipped(new ImportIssue(
                    ErrorCode.INTERNAL_ERROR,
                    Severity.SKIP_FILE,
                    task.relativePath(),
                    ErrorCode.INTERNAL_ERROR.description() + ": " + e,
                    clock.instant()));
        }
    }

    /**
     * Finishes identifications earlier runs left PENDING (no decode): those of the imported folder, or every one with
     * {@link Parameter#REDO_ALL_PENDING}; a cancel stops it between files.
     */
    private void redoPending() {
        WorkerContext ctx = new WorkerContext(0, null);
        try {
            String scope = params.bool(Parameter.REDO_ALL_PENDING) ? "" : relativePrefix;
            int n = redo.redo(ctx, scope, new IdentificationRedo.Listener() {
                @Override
                public void decided(Identification identification) {
                    progress.decided(identification);
                }

                @Override
                public void stillPending(String relativePath, ErrorCode cause, String why) {
                    issue(new ImportIssue(
                            cause == null ? ErrorCode.MBID_LOOKUP_FAILED : cause,
                            Severity.WARNING,
                            relativePath,
                            why,
                            clock.instant()));
                }
            });
            if (n > 0) {
                LOG.log(System.Logger.Level.INFO, "identified " + n + " passages left pending by an earlier run");
            }
        } catch (PipelineContext.CancelledException e) {
            // cancelled between files: what was written stays
        } catch (CriticalIngestException e) {
            critical.compareAndSet(null, e);
            issue(ImportIssue.of(e, null, clock.instant()));
        } finally {
            progress.idle(0);
        }
    }

    /** How many passages of the folder are still PENDING, for the summary; best effort (the store may be the problem). */
    private void countStillPending() {
        try {
            progress.stillPending(store.countPendingIdentification(relativePrefix));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not count the pending passages: " + e.getMessage());
        }
    }

    private void commit(List<FileImport> batch) {
        if (batch.isEmpty()) {
            return;
        }
        store.write(batch);
        batch.forEach(progress::committed);
        batch.clear();
    }

    private boolean stopping() {
        return cancelled || critical.get() != null;
    }

    private void issue(ImportIssue issue) {
        progress.issue(issue);
        log.publish(new ImportEvent.IssueRaised(id, issue, clock.instant()));
    }

    private void publishProgress() {
        SessionState s = lifecycle.state();
        if (!s.isTerminal()) {
            log.publish(new ImportEvent.Progress(id, status(), clock.instant()));
        }
    }

    private void failSafely(ErrorCode code, String message) {
        if (!lifecycle.state().isTerminal()) {
            lifecycle.fail(code, message);
        }
    }

    private String detailFor(SessionState to) {
        if (to == SessionState.PAUSED) {
            return lifecycle.pauseReason().orElse(null);
        }
        if (to == SessionState.FAILED) {
            return lifecycle.failure().map(SessionLifecycle.Failure::message).orElse(null);
        }
        return null;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** The context one worker hands the pipeline. */
    private final class WorkerContext implements PipelineContext {
        private final int worker;
        /** The workers' shares of the CPU (null for the redo step, which runs alone). */
        private final Semaphore cpu;

        private boolean holdsCpu;
        private FileTask current;

        WorkerContext(int worker, Semaphore cpu) {
            this.worker = worker;
            this.cpu = cpu;
        }

        /** Waits for a share of the CPU; false when the session was cancelled meanwhile. */
        boolean takeCpu() {
            if (cpu == null || holdsCpu) {
                return true;
            }
            try {
                cpu.acquire();
                holdsCpu = true;
                return true;
            } catch (InterruptedException e) {
                return false;
            }
        }

        void giveCpu() {
            if (holdsCpu) {
                holdsCpu = false;
                cpu.release();
            }
        }

        @Override
        public <T> T waitingOnServices(Supplier<T> call) {
            if (cpu == null) {
                return call.get();
            }
            giveCpu();
            try {
                return call.get();
            } finally {
                if (!takeCpu()) {
                    throw new CancelledException();
                }
            }
        }

        @Override
        public void stage(String stage) {
            if (cancelled) {
                throw new CancelledException();
            }
            progress.working(worker, current == null ? null : current.relativePath(), stage);
        }

        @Override
        public Optional<String> claimHash(String sha256, String relativePath) {
            String first = hashClaims.putIfAbsent(sha256, relativePath);
            if (first != null && !first.equals(relativePath)) {
                return Optional.of(first);
            }
            if (first == null) {
                Optional<KnownFile> done = store.findCompleteByHash(sha256);
                if (done.isPresent() && !done.get().relativePath().equals(relativePath)) {
                    return Optional.of(done.get().relativePath());
                }
            }
            return Optional.empty();
        }

        @Override
        public AcoustIdKeyPrompt acoustIdKey() {
            return prompt;
        }
    }
}
