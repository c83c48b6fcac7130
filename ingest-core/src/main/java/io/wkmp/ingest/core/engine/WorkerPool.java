package io.wkmp.ingest.core.engine;

import io.wkmp.ingest.core.error.CriticalIngestException;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.FileRejectedException;
import io.wkmp.ingest.core.error.ImportIssue;
import io.wkmp.ingest.core.error.Severity;
import io.wkmp.ingest.core.port.FileOutcome;
import io.wkmp.ingest.core.port.FilePipeline;
import io.wkmp.ingest.core.port.FileTask;
import io.wkmp.ingest.core.port.PipelineContext;
import io.wkmp.ingest.core.session.FileStage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * PROCESSING (spec AIA-ASYNC-010..040): a fixed pool of worker threads takes the files in order, each through the
 * {@link FilePipeline}, and commits the results in {@link CommitBatch}es. N shares of the CPU bound the files being
 * analysed at once; a file waiting for outside services gives its share to the next file, so the pool has
 * {@link FilePipeline#filesWaitingOnServices} threads more than N. A paused session holds each worker at its next
 * file; a cancelled one stops the pool. Used once.
 */
final class WorkerPool {
    private static final System.Logger LOG = System.getLogger(WorkerPool.class.getName());

    private final RunState run;
    private final FilePipeline pipeline;
    private final AcoustIdPrompt prompt;
    private final HashClaims claims;
    private final LiveWorkers live;
    private final CommitBatch batch;
    private final Runnable cancel;
    private final ThreadLocal<WorkerContext> contexts = new ThreadLocal<>();
    private volatile ExecutorService executor;

    WorkerPool(
            RunState run,
            FilePipeline pipeline,
            AcoustIdPrompt prompt,
            HashClaims claims,
            LiveWorkers live,
            CommitBatch batch,
            Runnable cancel) {
        this.run = run;
        this.pipeline = pipeline;
        this.prompt = prompt;
        this.claims = claims;
        this.live = live;
        this.batch = batch;
        this.cancel = cancel;
    }

    /**
     * For several workers, the largest files first (stable: among equal sizes, and so among duplicates, path order
     * stays): a single-file album rip taken last would keep one worker busy while the others idle.
     */
    static List<FileTask> largestFirst(List<FileTask> todo) {
        List<FileTask> sorted = new ArrayList<>(todo);
        sorted.sort(Comparator.comparingLong(FileTask::sizeBytes).reversed());
        return sorted;
    }

    /** Imports {@code todo} with {@code workerCount} CPU shares; returns when every worker is done. */
    void process(List<FileTask> todo, int workerCount) {
        int analysing = Math.max(1, Math.min(workerCount, todo.size()));
        int threads = Math.max(1, Math.min(todo.size(), analysing + pipeline.filesWaitingOnServices()));
        Semaphore cpu = new Semaphore(analysing, true); // fair: files get the CPU in the order they were taken
        run.progress().processingStarted(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads, workers(cpu));
        executor = pool;
        try {
            for (FileTask task : analysing == 1 ? todo : largestFirst(todo)) {
                pool.execute(() -> importFile(task));
            }
        } catch (RejectedExecutionException e) {
            // cancelled meanwhile: the pool was stopped
        }
        pool.shutdown(); // a worker ends when no file is left for it
        if (run.stopping()) {
            stop();
        }
        awaitWorkers(pool);
        try {
            batch.flush(); // what the workers left, also when cancelled
        } catch (CriticalIngestException e) {
            run.critical(e, null);
        }
    }

    /** Stops the workers: no new file, and each one's current file interrupted. */
    void stop() {
        ExecutorService pool = executor;
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    private void awaitWorkers(ExecutorService pool) {
        boolean done = false;
        while (!done) {
            try {
                done = pool.awaitTermination(1, TimeUnit.DAYS);
            } catch (InterruptedException e) {
                cancel.run();
            }
        }
    }

    /** Worker threads: each, from its start until no file is left for it, is a live worker with its own context. */
    private ThreadFactory workers(Semaphore cpu) {
        AtomicInteger next = new AtomicInteger();
        return files -> {
            int worker = next.getAndIncrement();
            WorkerContext ctx = new WorkerContext(worker, cpu, run, claims, prompt);
            Thread t = new Thread(
                    () -> {
                        contexts.set(ctx);
                        try {
                            files.run();
                        } finally {
                            ctx.giveCpu();
                            live.finished();
                            run.progress().idle(worker);
                        }
                    },
                    "wkmp-worker-" + (worker + 1));
            t.setDaemon(true);
            live.started(t);
            return t;
        };
    }

    private void importFile(FileTask task) {
        WorkerContext ctx = contexts.get();
        try {
            if (run.stopping() || !ctx.takeCpu()) {
                return;
            }
            prompt.awaitUnpaused();
            if (run.stopping()) {
                return;
            }
            ctx.working(task.relativePath(), "start");
            FileOutcome outcome = outcome(task, ctx);
            ctx.giveCpu();
            if (outcome instanceof FileOutcome.Imported imported) {
                imported.warnings().forEach(run::issue);
                if (batch.add(imported.result())) {
                    ctx.working(task.relativePath(), FileStage.WRITE);
                    batch.flush();
                }
            } else if (outcome instanceof FileOutcome.Skipped skipped && !run.cancelled()) {
                run.issue(skipped.issue());
                run.progress().skipped();
            }
        } catch (CriticalIngestException e) {
            run.critical(e, ctx.current());
            cancel.run();
        } catch (RuntimeException e) {
            // a bug outside the pipeline (which has its own net): the worker goes on with the next file
            LOG.log(System.Logger.Level.ERROR, "worker failed on " + task.relativePath(), e);
        } finally {
            ctx.giveCpu();
            ctx.idle();
        }
    }

    /** What the pipeline made of {@code task}; null when the session was cancelled meanwhile. */
    private FileOutcome outcome(FileTask task, WorkerContext ctx) {
        try {
            return pipeline.process(task, ctx);
        } catch (PipelineContext.CancelledException e) {
            return null;
        } catch (FileRejectedException e) {
            return run.cancelled()
                    ? null
                    : new FileOutcome.Skipped(
                            ImportIssue.of(e, task.relativePath(), run.clock().instant()));
        } catch (CriticalIngestException e) {
            throw e;
        } catch (RuntimeException e) {
            if (run.cancelled()) {
                return null;
            }
            LOG.log(System.Logger.Level.ERROR, "unexpected failure importing " + task.relativePath(), e);
            return new FileOutcome.Skipped(new ImportIssue(
                    ErrorCode.INTERNAL_ERROR,
                    Severity.SKIP_FILE,
                    task.relativePath(),
                    ErrorCode.INTERNAL_ERROR.description() + ": " + e,
                    run.clock().instant()));
        }
    }
}
