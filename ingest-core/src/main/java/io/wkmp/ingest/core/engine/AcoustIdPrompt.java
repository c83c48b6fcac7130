package io.wkmp.ingest.core.engine;

import io.wkmp.ingest.core.port.AcoustIdKeyPrompt;
import io.wkmp.ingest.core.port.AcoustIdKeys;
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
    private final Consumer<String> warning;
    private final Runnable paused;
    private final Object lock = new Object();
    private volatile boolean enabled = true;
    /** Guarded by lock: how many answers the prompt was given. */
    private long answers;

    /**
     * @param warning raises an ACOUSTID_INVALID_KEY warning of the session with this message: the refusal, once per
     *     prompt, before the session pauses; a skip; a start without AcoustID
     * @param paused told after the session paused
     */
    AcoustIdPrompt(SessionLifecycle lifecycle, BooleanSupplier cancelled, Consumer<String> warning, Runnable paused) {
        this.lifecycle = lifecycle;
        this.cancelled = cancelled;
        this.warning = warning;
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

    /**
     * The user's answer {@code apiKey}, validated by a test call first and then used for every later lookup.
     *
     * @return false (and the session stays PAUSED) when the key is blank or refused
     * @throws io.wkmp.ingest.core.error.LookupUnavailableException when AcoustID cannot be reached to check the key
     */
    boolean provide(String apiKey, AcoustIdKeys keys) {
        if (apiKey == null || apiKey.isBlank()) {
            return false;
        }
        String key = apiKey.strip(); // the one place a key given to a session is cleaned
        if (!keys.validate(key)) {
            return false;
        }
        keys.use(key);
        answer(true);
        return true;
    }

    /** The user's answer: go on without AcoustID for the rest of the session. */
    void skip() {
        warning.accept("AcoustID skipped for this session: passages are imported with their fingerprints and their"
                + " identification stays pending until a later run with a valid AcoustID key finishes it (no decoding"
                + " again)");
        answer(false);
    }

    /** The session was started without AcoustID ({@code answer(false)} at once); says so. */
    void startedWithout() {
        warning.accept("AcoustID not used: this import was started without it. Passages are imported with their"
                + " fingerprints and their identification stays pending until a later run with AcoustID finishes it"
                + " (no decoding again)");
    }

    /** The user's answer: retry with the key just installed ({@code retry}), or go on without AcoustID. */
    void answer(boolean retry) {
        synchronized (lock) {
            if (!retry) {
                enabled = false;
            }
            if (lifecycle.state() == SessionState.PAUSED) {
                answers++;
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
                warning.accept(message);
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
            return enabled; // a skip turned it off; a retry left it on
        }
    }
}
