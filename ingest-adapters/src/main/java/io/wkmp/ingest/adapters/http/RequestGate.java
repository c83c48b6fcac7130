package io.wkmp.ingest.adapters.http;

import java.time.Duration;

/**
 * A service's rate limit, shared by every caller: at most one request each {@code interval}, measured
 * where it matters, at the moment the request goes out. {@link #acquire} books a start slot; {@link #sent}
 * (called by the shared client's event listener when the request headers are written) moves the next
 * slot to one interval after the actual send, so a request that stalled before sending (cold connection,
 * GC) cannot make the next one arrive too soon. Thread-safe.
 */
final class RequestGate {
    private final long intervalNanos;
    private final long maxWaitNanos;
    private long nextNanos = Long.MIN_VALUE;

    RequestGate(Duration interval, Duration maxWait) {
        this.intervalNanos = interval.toNanos();
        this.maxWaitNanos = maxWait.toNanos();
    }

    /** Waits for this caller's slot. */
    synchronized void acquire() throws InterruptedException {
        long deadline = System.nanoTime() + maxWaitNanos;
        while (true) {
            long now = System.nanoTime();
            if (nextNanos == Long.MIN_VALUE || now >= nextNanos) {
                nextNanos = now + intervalNanos;
                return;
            }
            if (now >= deadline) {
                throw new IllegalStateException("waited longer than " + Duration.ofNanos(maxWaitNanos) + " for a request slot");
            }
            long waitMs = Math.max(1, (Math.min(nextNanos, deadline) - now) / 1_000_000);
            wait(waitMs);
        }
    }

    /** The request left now: the next one waits a full interval from here. */
    synchronized void sent() {
        nextNanos = Math.max(nextNanos, System.nanoTime() + intervalNanos);
    }
}
