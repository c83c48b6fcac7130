package io.wkmp.ingest.core.engine;

import io.wkmp.ingest.core.port.AcoustIdKeyPrompt;
import io.wkmp.ingest.core.port.PipelineContext;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/** The context one worker thread hands the pipeline, for each file it takes; it also holds the worker's CPU share. */
final class WorkerContext implements PipelineContext {
    private final int worker;
    /** The workers' shares of the CPU (null for the redo step, which runs alone). */
    private final Semaphore cpu;

    private final RunState run;
    private final HashClaims claims;
    private final AcoustIdKeyPrompt prompt;
    private boolean holdsCpu;
    private String current;

    WorkerContext(int worker, Semaphore cpu, RunState run, HashClaims claims, AcoustIdKeyPrompt prompt) {
        this.worker = worker;
        this.cpu = cpu;
        this.run = run;
        this.claims = claims;
        this.prompt = prompt;
    }

    /** The file the worker is on (relative path), or null. */
    String current() {
        return current;
    }

    /** The worker is at {@code stage} of the file {@code relativePath}. */
    void working(String relativePath, String stage) {
        current = relativePath;
        run.progress().working(worker, relativePath, stage);
    }

    /** The worker is between files. */
    void idle() {
        current = null;
        run.progress().idle(worker);
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
        if (run.cancelled()) {
            throw new CancelledException();
        }
        run.progress().working(worker, current, stage);
    }

    @Override
    public Optional<String> claimHash(String sha256, String relativePath) {
        return claims.claim(sha256, relativePath);
    }

    @Override
    public AcoustIdKeyPrompt acoustIdKey() {
        return prompt;
    }
}
