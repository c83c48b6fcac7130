package io.wkmp.ingest.adapters.http;

import java.time.Duration;

/**
 * A service's rate limit, shared by every caller: requests go out one at a time, at least {@code interval}
 * apart, measured where it matters, at the moment each request is actually sent. {@link #acquire} waits
 * until the previous request has gone out (or given up) and its interval has passed; the shared client's
 * event listener calls {@link Ticket#sent} when the request headers are written, which starts the next
 * interval. So a request that stalls before sending (cold connection, GC, a busy CPU) cannot let the next
 * one overtake it or arrive too soon. Thread-safe.
 */
final class RequestGate {
    private final long intervalNanos;
    private final long maxWaitNanos;
    private long nextNanos = Long.MIN_VALUE;
    private long tickets;
    private long pending = -1;

    /** The right to send one request; tagged on the request so the client can report when it went out. */
    static final class Ticket {
        private final RequestGate gate;
        private final long id;

        private Ticket(RequestGate gate, long id) {
            this.gate = gate;
            this.id = id;
        }

        /** The request is being written now. */
        void sent() {
            gate.release(id, true);
        }

        /** The attempt is over (sent or not); a no-op after {@link #sent}. */
        void done() {
            gate.release(id, false);
        }
    }

    RequestGate(Duration interval, Duration maxWait) {
        this.intervalNanos = interval.toNanos();
        this.maxWaitNanos = maxWait.toNanos();
    }

    /** Waits for this caller's turn. */
    synchronized Ticket acquire() throws InterruptedException {
        long deadline = System.nanoTime() + maxWaitNanos;
        while (true) {
            long now = System.nanoTime();
            if (pending < 0 && (nextNanos == Long.MIN_VALUE || now >= nextNanos)) {
                pending = ++tickets;
                nextNanos = now + intervalNanos;
                return new Ticket(this, pending);
            }
            if (now >= deadline) {
                throw new IllegalStateException(
                        "waited longer than " + Duration.ofNanos(maxWaitNanos) + " for a request slot");
            }
            long until = pending >= 0 ? deadline : Math.min(nextNanos, deadline);
            wait(Math.max(1, Math.min(1000, (until - now) / 1_000_000)));
        }
    }

    private synchronized void release(long id, boolean sent) {
        if (pending != id) {
            return;
        }
        pending = -1;
        if (sent) {
            nextNanos = Math.max(nextNanos, System.nanoTime() + intervalNanos);
        }
        notifyAll();
    }
}
