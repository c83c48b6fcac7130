package io.wkmp.ingest.core.engine;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The import workers alive now, for an outside service that collects requests from several of them into one (the
 * AcoustID lookup queue): it holds a request back while a worker that is not waiting for it could still add one,
 * and sends what it holds as soon as every live worker waits for it, when one finishes ({@link #onFinished}), or
 * after its own longest wait. A thread that is no worker (the redo step, a test) never makes it hold back. One per
 * engine, shared by its sessions. Thread-safe.
 */
public final class LiveWorkers {
    private final Set<Thread> live = ConcurrentHashMap.newKeySet();
    private final List<Runnable> finishedListeners = new CopyOnWriteArrayList<>();

    /** {@code worker} is about to start taking files (called by the engine before it starts the thread). */
    public void started(Thread worker) {
        live.add(worker);
    }

    /** The calling worker has no file left; then every {@link #onFinished} listener runs on its thread. */
    public void finished() {
        live.remove(Thread.currentThread());
        finishedListeners.forEach(Runnable::run);
    }

    /** Whether a live worker other than {@code waiting} (threads that wait for the caller) could still ask. */
    public boolean anyBesides(Collection<Thread> waiting) {
        for (Thread t : live) {
            if (!waiting.contains(t)) {
                return true;
            }
        }
        return false;
    }

    /** {@code listener} runs each time a worker finishes. */
    public void onFinished(Runnable listener) {
        finishedListeners.add(listener);
    }
}
