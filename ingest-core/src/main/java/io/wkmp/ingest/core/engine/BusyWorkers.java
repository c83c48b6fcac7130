package io.wkmp.ingest.core.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * How many import workers could still hand an outside service something new: a worker counts as busy while
 * it works on a file (or waits for its turn to), and not while it waits for outside services
 * ({@link PipelineContext#waitingOnServices}) or once it has no file left. A service that collects requests
 * from several workers into one (the AcoustID lookup queue) sends what it holds as soon as nobody is busy,
 * instead of waiting for more that cannot come. One per engine, shared by its sessions. Thread-safe.
 */
public final class BusyWorkers {
    private final List<Runnable> idleListeners = new CopyOnWriteArrayList<>();
    private int busy;

    /** Workers busy now. */
    public synchronized int busy() {
        return busy;
    }

    /** {@code listener} runs (on the worker's thread) each time a worker finishes and nobody is busy any more. */
    public void onIdle(Runnable listener) {
        idleListeners.add(listener);
    }

    /** A worker starts or resumes work. */
    public synchronized void enter() {
        busy++;
    }

    /**
     * A worker begins to wait for outside services. When it was the last busy one and will not hand a collecting
     * service anything itself ({@code asksCollected} false; a worker that does triggers the send by asking), the
     * idle listeners run.
     */
    public void waiting(boolean asksCollected) {
        leave(!asksCollected);
    }

    /** A worker has no file left: when it was the last busy one, the idle listeners run. */
    public void finished() {
        leave(true);
    }

    private void leave(boolean notify) {
        boolean idle;
        synchronized (this) {
            busy--;
            idle = busy == 0;
        }
        if (idle && notify) {
            idleListeners.forEach(Runnable::run);
        }
    }
}
