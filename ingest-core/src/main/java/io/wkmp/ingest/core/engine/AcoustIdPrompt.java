package io.wkmp.ingest.core.engine;

import io.wkmp.ingest.core.port.AcoustIdKeyPrompt;
import io.wkmp.ingest.core.port.PipelineContext;
import io.wkmp.ingest.core.session.SessionLifecycle;
import io.wkmp.ingest.core.session.SessionState;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The AcoustID key prompt of one session (spec AIA-SEC-030): the first worker whose lookup is refused pauses
 * the session and waits; the others stop at their next file boundary; the user's answer (a valid new key, or
 * skipping AcoustID for the session) resumes them all. Thread-safe.
 */
final class AcoustIdPrompt implements AcoustIdKeyPrompt {
    static final String PAUSE_REASON =
            "AcoustID refused the API key: enter a valid key or skip AcoustID for this session";

    private final SessionLifecycle lifecycle;
    private final BooleanSupplier cancelled;
    private final Consumer<String> refusedKey;
    private final Runnable paused;
    private final Object lock = new Object();
    private volatile boolean enabled = true;
    /** Guarded by lock: how many answers were given, and whether the last one was "retry with the new key". */
    private long answers;

    private boolean lastRetry;

    /**
     * @param refusedKey told of the refusal message once per prompt, before the session pauses
     * @param paused told after the session paused
     */
    AcoustIdPrompt(
            SessionLifecycle lifecycle, BooleanSupplier cancelled, Consumer<String> refusedKey, Runnable paused) {
        this.lifecycle = lifecycle;
        this.cancelled = cancelled;
        this.refusedKey = refusedKey;
        this.paused = paused;
    }

    @Override
    public long version() {
        synchronized (lock) {
            return answers;
        }
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    /** The user's answer: retry with the key just installed ({@code retry}), or go on without AcoustID. */
    void answer(boolean retry) {
        synchronized (lock) {
            if (!retry) {
                enabled = false;
            }
            if (lifecycle.state() == SessionState.PAUSED) {
                answers++;
                lastRetry = retry;
                lifecycle.resume();
            }
            lock.notifyAll();
        }
    }

    /** Wakes every waiting worker (the session was cancelled). */
    void wakeAll() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /** Blocks a worker at a file boundary while the session is PAUSED. */
    void awaitUnpaused() {
        synchronized (lock) {
            while (lifecycle.state() == SessionState.PAUSED && !cancelled.getAsBoolean()) {
                try {
                    lock.wait(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public boolean refused(String message, long versionAtAttempt) {
        synchronized (lock) {
            if (!enabled || answers != versionAtAttempt) {
                // skipped, or answered since this attempt began with the old key: no new prompt
                return enabled;
            }
            long before = answers;
            if (lifecycle.state() != SessionState.PAUSED && !lifecycle.state().isTerminal()) {
                refusedKey.accept(message);
                lifecycle.pause(PAUSE_REASON);
                paused.run();
            }
            while (answers == before && !cancelled.getAsBoolean()) {
                try {
                    lock.wait(500);
                } catch (InterruptedException e) {
                    if (cancelled.getAsBoolean()) {
                        break;
                    }
                }
            }
            if (cancelled.getAsBoolean()) {
                throw new PipelineContext.CancelledException();
            }
            return lastRetry && enabled;
        }
    }
}
