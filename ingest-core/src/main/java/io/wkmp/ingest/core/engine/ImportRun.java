package io.wkmp.ingest.core.engine;

import io.wkmp.ingest.core.error.CriticalIngestException;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.ImportIssue;
import io.wkmp.ingest.core.error.Severity;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.params.Parameter;
import io.wkmp.ingest.core.port.FileTask;
import io.wkmp.ingest.core.port.ImportEvents;
import io.wkmp.ingest.core.port.ImportSession;
import io.wkmp.ingest.core.session.ImportEvent;
import io.wkmp.ingest.core.session.SessionLifecycle;
import io.wkmp.ingest.core.session.SessionState;
import io.wkmp.ingest.core.session.SessionStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One import session: its API ({@link ImportSession}) and its course, SCANNING ({@link FolderScan}), PROCESSING
 * ({@link WorkerPool}, then {@link PendingRedo}), then COMPLETED, CANCELLED or FAILED, kept in the history
 * ({@link SessionHistory}). Progress is published every {@link #PROGRESS_INTERVAL} and on each state change.
 * Thread-safe.
 */
final class ImportRun implements ImportSession {
    static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(2);
    private static final System.Logger LOG = System.getLogger(ImportRun.class.getName());

    private final Path folder;
    private final String folderLabel;
    private final String relativePrefix;
    private final ImportParameters params;
    private final RunSetup setup;
    private final RunState run;
    private final SessionLifecycle lifecycle;
    private final AcoustIdPrompt prompt;
    private final HashClaims claims;
    private final SessionHistory history;
    private final WorkerPool pool;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final boolean acoustIdFromStart;

    ImportRun(
            String id, Path folder, String relativeFolder, ImportParameters params, RunSetup setup, boolean acoustId) {
        this.folder = folder;
        this.folderLabel = relativeFolder;
        this.relativePrefix = relativeFolder.isEmpty() ? "" : relativeFolder + "/";
        this.params = params;
        this.setup = setup;
        this.acoustIdFromStart = acoustId;
        Clock clock = setup.clock();
        EventLog log = new EventLog();
        this.run = new RunState(id, clock, new Progress(clock), log);
        this.lifecycle = new SessionLifecycle(
                clock, (from, to, at) -> log.publish(new ImportEvent.StateChanged(id, from, to, detailFor(to), at)));
        this.prompt = new AcoustIdPrompt(
                lifecycle,
                run::cancelled,
                message -> run.issue(ErrorCode.ACOUSTID_INVALID_KEY, Severity.WARNING, null, message),
                this::publishProgress);
        if (!acoustId) {
            prompt.answer(false);
        }
        this.claims = new HashClaims(setup.store());
        this.history = new SessionHistory(run, setup.store(), folder, params.toSettings());
        CommitBatch batch = new CommitBatch(setup.store(), run.progress(), params.integer(Parameter.DB_BATCH_FILES));
        this.pool = new WorkerPool(run, setup.pipeline(), prompt, claims, setup.live(), batch, this::cancel);
    }

    @Override
    public String id() {
        return run.sessionId();
    }

    @Override
    public SessionStatus status() {
        return run.progress()
                .snapshot(
                        id(),
                        lifecycle.state(),
                        folderLabel,
                        lifecycle.pauseReason().orElse(null));
    }

    @Override
    public List<ImportEvent.Sequenced> eventsSince(long afterSequence) {
        return run.log().since(afterSequence);
    }

    @Override
    public void subscribe(ImportEvents listener) {
        run.log().subscribe(listener);
    }

    @Override
    public void subscribe(ImportEvents listener, long afterSequence) {
        run.log().subscribe(listener, afterSequence);
    }

    @Override
    public void unsubscribe(ImportEvents listener) {
        run.log().unsubscribe(listener);
    }

    @Override
    public void cancel() {
        if (lifecycle.state().isTerminal()) {
            return;
        }
        run.markCancelled();
        prompt.wakeAll();
        pool.stop();
    }

    @Override
    public boolean provideAcoustIdKey(String apiKey) {
        return prompt.provide(apiKey, setup.acoustIdKeys());
    }

    @Override
    public void skipAcoustId() {
        prompt.skip();
    }

    @Override
    public SessionStatus await(Duration timeout) throws InterruptedException {
        finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return status();
    }

    /** Runs the whole session on the calling thread. */
    void run() {
        run.log()
                .publish(new ImportEvent.StateChanged(
                        id(),
                        null,
                        SessionState.SCANNING,
                        "importing " + folder,
                        run.clock().instant()));
        if (!acoustIdFromStart) {
            prompt.startedWithout();
        }
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wkmp-progress-" + id().substring(0, 8));
            t.setDaemon(true);
            return t;
        });
        long every = PROGRESS_INTERVAL.toMillis();
        ticker.scheduleAtFixedRate(this::publishProgress, every, every, TimeUnit.MILLISECONDS);
        try {
            history.record(status(), false);
            List<FileTask> todo =
                    new FolderScan(run, setup.store(), setup.discovery(), claims).scan(folder, relativePrefix);
            if (run.cancelled()) {
                lifecycle.cancel();
                return;
            }
            lifecycle.beginProcessing();
            publishProgress();
            pool.process(todo, setup.workers());
            if (!run.stopping()) {
                String scope = params.bool(Parameter.REDO_ALL_PENDING) ? "" : relativePrefix;
                new PendingRedo(run, setup.redo()).run(scope, new WorkerContext(0, null, run, claims, prompt));
            }
            if (run.critical().isPresent()) {
                lifecycle.fail(run.critical().get().code(), run.critical().get().getMessage());
            } else if (run.cancelled()) {
                lifecycle.cancel();
            } else {
                lifecycle.complete();
            }
        } catch (CriticalIngestException e) {
            run.issue(ImportIssue.of(e, null, run.clock().instant()));
            failSafely(e.code(), e.getMessage());
        } catch (IllegalArgumentException e) {
            run.issue(ErrorCode.INVALID_ROOT, Severity.CRITICAL, null, e.getMessage());
            failSafely(ErrorCode.INVALID_ROOT, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "import session " + id() + " failed", e);
            failSafely(ErrorCode.INTERNAL_ERROR, String.valueOf(e));
        } finally {
            ticker.shutdownNow();
            history.countStillPending(relativePrefix);
            run.progress().finished();
            history.record(status(), true);
            run.log()
                    .publish(
                            new ImportEvent.Finished(id(), status(), run.clock().instant()));
            finished.countDown();
        }
    }

    private void publishProgress() {
        if (!lifecycle.state().isTerminal()) {
            run.log()
                    .publish(
                            new ImportEvent.Progress(id(), status(), run.clock().instant()));
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
}
