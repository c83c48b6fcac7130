package io.wkmp.ingest.adapters.acoustid;

import com.fasterxml.jackson.databind.JsonNode;
import io.wkmp.ingest.core.engine.BusyWorkers;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.LookupUnavailableException;
import io.wkmp.ingest.core.identify.FingerprintQuery;
import io.wkmp.ingest.core.port.AcoustIdService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The one queue every worker's AcoustID lookups go through, so that a request carries up to
 * {@link AcoustIdService#MAX_BATCH} fingerprints whatever files they come from. What is queued is sent when the
 * batch is full, when no worker could add more (nobody is {@link BusyWorkers busy}: at the end of an import, or
 * when every file in progress waits for its answers), or {@code maxWait} after the first fingerprint of the batch
 * came. Each caller blocks until its own fingerprints' answers are back; a failed request fails every caller of its
 * batch with the same exception (the rate limit, retries and circuit breaker are the sender's). Thread-safe.
 */
final class LookupQueue {
    /** Sends one batch: the {@code results} of each query, in query order. */
    private final Function<List<FingerprintQuery>, List<JsonNode>> sender;

    private final BusyWorkers busy;
    private final long maxWaitNanos;
    private final List<Entry> pending = new ArrayList<>();
    /** Counts the batches taken; a timer only flushes the batch it was armed for. */
    private long batchNumber;

    private boolean timerArmed;
    private ScheduledThreadPoolExecutor timer;

    private record Entry(FingerprintQuery query, CompletableFuture<JsonNode> answer) {}

    /** @param maxWait 0 sends each caller's fingerprints at once (no waiting for other files') */
    LookupQueue(Function<List<FingerprintQuery>, List<JsonNode>> sender, BusyWorkers busy, Duration maxWait) {
        this.sender = sender;
        this.busy = busy;
        this.maxWaitNanos = maxWait.toNanos();
        busy.onIdle(this::flush);
    }

    /** The {@code results} of each query, in order, once the batches holding them were answered. */
    List<JsonNode> lookup(List<FingerprintQuery> queries) {
        List<Entry> mine = new ArrayList<>();
        queries.forEach(q -> mine.add(new Entry(q, new CompletableFuture<>())));
        List<List<Entry>> ready = new ArrayList<>();
        synchronized (this) {
            for (Entry e : mine) {
                pending.add(e);
                if (pending.size() >= AcoustIdService.MAX_BATCH) {
                    ready.add(take());
                }
            }
            if (!pending.isEmpty() && (maxWaitNanos == 0 || busy.busy() == 0)) {
                ready.add(take());
            } else if (!pending.isEmpty() && !timerArmed) {
                arm(batchNumber);
            }
        }
        ready.forEach(this::send);
        List<JsonNode> out = new ArrayList<>(mine.size());
        for (Entry e : mine) {
            out.add(await(e, mine));
        }
        return out;
    }

    /** Sends what is queued now (nobody can add more). */
    void flush() {
        List<Entry> batch;
        synchronized (this) {
            if (pending.isEmpty()) {
                return;
            }
            batch = take();
        }
        send(batch);
    }

    private void flushBatch(long number) {
        List<Entry> batch;
        synchronized (this) {
            if (number != batchNumber || pending.isEmpty()) {
                return;
            }
            batch = take();
        }
        send(batch);
    }

    /** Guarded by this. */
    private List<Entry> take() {
        List<Entry> batch = List.copyOf(pending);
        pending.clear();
        batchNumber++;
        timerArmed = false;
        return batch;
    }

    /** Guarded by this. */
    private void arm(long number) {
        if (timer == null) {
            timer = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "wkmp-acoustid-queue");
                t.setDaemon(true);
                return t;
            });
            timer.setRemoveOnCancelPolicy(true);
        }
        timerArmed = true;
        timer.schedule(() -> flushBatch(number), maxWaitNanos, TimeUnit.NANOSECONDS);
    }

    private void send(List<Entry> batch) {
        try {
            List<JsonNode> results =
                    sender.apply(batch.stream().map(Entry::query).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).answer().complete(results.get(i));
            }
        } catch (RuntimeException | Error e) {
            batch.forEach(entry -> entry.answer().completeExceptionally(e));
        }
    }

    private JsonNode await(Entry e, List<Entry> mine) {
        try {
            return e.answer().get();
        } catch (InterruptedException interrupted) {
            synchronized (this) {
                pending.removeAll(mine);
            }
            Thread.currentThread().interrupt();
            throw new LookupUnavailableException(
                    ErrorCode.ACOUSTID_LOOKUP_FAILED, "AcoustID lookup interrupted", interrupted);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (failed.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(failed.getCause());
        }
    }
}
