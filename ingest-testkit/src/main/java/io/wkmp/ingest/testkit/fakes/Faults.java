package io.wkmp.ingest.testkit.fakes;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults a fake injects into its next answers: added latency (a timeout when longer than the client's),
 * bursts of 5xx, malformed JSON, and (AcoustID) a refused API key. Thread-safe; tests set them between calls.
 */
public final class Faults {
    private volatile long latencyMs;
    private final AtomicInteger serverErrors = new AtomicInteger();
    private volatile int serverErrorCode = 500;
    private final AtomicInteger malformed = new AtomicInteger();
    private volatile boolean refuseKey;

    /** Every answer is delayed this long. */
    public Faults latency(long ms) {
        this.latencyMs = ms;
        return this;
    }

    /** The next {@code count} requests are answered with {@code code} (500, 502, 503...). */
    public Faults serverErrors(int count, int code) {
        serverErrors.set(count);
        serverErrorCode = code;
        return this;
    }

    /** The next {@code count} answers are cut-off, unparseable JSON with status 200. */
    public Faults malformedJson(int count) {
        malformed.set(count);
        return this;
    }

    /** Whether the AcoustID fake refuses every key (error code 4). */
    public Faults refuseKey(boolean refuse) {
        this.refuseKey = refuse;
        return this;
    }

    long latencyMs() {
        return latencyMs;
    }

    /** The 5xx code to answer now, or 0; counts the burst down. */
    int takeServerError() {
        return serverErrors.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? serverErrorCode : 0;
    }

    boolean takeMalformed() {
        return malformed.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    boolean refusesKey() {
        return refuseKey;
    }
}
