package io.wkmp.ingest.adapters.acoustid;

import com.fasterxml.jackson.databind.JsonNode;
import io.wkmp.ingest.core.engine.LiveWorkers;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.LookupUnavailableException;
import io.wkmp.ingest.core.port.AcoustIdService;
import io.wkmp.ingest.core.port.FingerprintQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one queue every worker's AcoustID lookups go through, so that a request carries up to
 * {@link AcoustIdService#MAX_BATCH} fingerprints whatever files they come from. What is queued is sent when the
 * batch is full, when no worker could add more (every {@link LiveWorkers live worker} waits for fingerprints still
 * queued: when every file in progress waits for its answers, or at the end of an import, when the last other worker
 * finishes), or when no fingerprint came for {@code maxWait} (the files being analysed are slow ones: the queued
 * lookups do not wait for them). A worker whose fingerprints are on
 * their way in a request sent already still counts as one that could add more: it will be back. Each caller blocks until its own fingerprints' answers are back; a failed request fails every caller of its
 * batch with the same exception (the rate limit, retries and circuit breaker are the sender's). Thread-safe.
 */
final class LookupQueue {
    private static final Logger LOG = LoggerFactory.getLogger(LookupQueue.class);

    /** Sends one batch: the {@code results} of each query, in query order. */
    private final Function<List<FingerprintQuery>, List<JsonNode>> sender;

    private final LiveWorkers workers;
    private final long maxWaitNanos;
    private final List<Entry> pending = new ArrayList<>();
    /** Counts the batches taken; a timer only flushes the batch it was armed for. */
    private long batchNumber;

    private ScheduledFuture<?> armed;
    private ScheduledThreadPoolExecutor timer;

    private record Entry(FingerprintQuery query, CompletableFuture<JsonNode> answer, Thread owner) {}

    /** @param maxWait longest time without a new fingerprint; 0 sends each caller's fingerprints at once */
    LookupQueue(Function<List<FingerprintQuery>, List<JsonNode>> sender, LiveWorkers workers, Duration maxWait) {
        this.sender = sender;
        this.workers = workers;
        this.maxWaitNanos = maxWait.toNanos();
        workers.onFinished(this::flushIfNobodyCanAdd);
    }

    /** The {@code results} of each query, in order, once the batches holding them were answered. */
    List<JsonNode> lookup(List<FingerprintQuery> queries) {
        List<Entry> mine = new ArrayList<>();
        queries.forEach(q -> mine.add(new Entry(q, new CompletableFuture<>(), Thread.currentThread())));
        List<List<Entry>> ready = new ArrayList<>();
        synchronized (this) {
            for (Entry e : mine) {
                pending.add(e);
                if (pending.size() >= AcoustIdService.MAX_BATCH) {
                    ready.add(take("full"));
                }
            }
            if (!pending.isEmpty() && (maxWaitNanos == 0 || !othersCanAdd())) {
                ready.add(take(maxWaitNanos == 0 ? "no wait" : "no worker can add more"));
            } else if (!pending.isEmpty()) {
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

    /** Guarded by this: whether a live worker that waits for none of the queued fingerprints could still add some. */
    private boolean othersCanAdd() {
        Set<Thread> waiting = new HashSet<>();
        pending.forEach(e -> waiting.add(e.owner()));
        return workers.anyBesides(waiting);
    }

    /** A worker finished: sends what is queued when every live worker waits for it. */
    private void flushIfNobodyCanAdd() {
        List<Entry> batch;
        synchronized (this) {
            if (pending.isEmpty() || othersCanAdd()) {
                return;
            }
            batch = take("a worker finished, every other one waits for the queue");
        }
        send(batch);
    }

    private void flushBatch(long number) {
        List<Entry> batch;
        synchronized (this) {
            if (number != batchNumber || pending.isEmpty()) {
                return;
            }
            batch = take(
                    "no fingerprint came for " + Duration.ofNanos(maxWaitNanos).toMillis() + " ms");
        }
        send(batch);
    }

    /** Guarded by this. */
    private List<Entry> take(String why) {
        List<Entry> batch = List.copyOf(pending);
        LOG.debug("AcoustID lookup of {} fingerprints: {}", batch.size(), why);
        pending.clear();
        batchNumber++;
        if (armed != null) {
            armed.cancel(false);
            armed = null;
        }
        return batch;
    }

    /** Guarded by this: (re)starts the wait for the batch {@code number}. */
    private void arm(long number) {
        if (timer == null) {
            timer = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "wkmp-acoustid-queue");
                t.setDaemon(true);
                return t;
            });
            timer.setRemoveOnCancelPolicy(true);
        }
        if (armed != null) {
            armed.cancel(false);
        }
        armed = timer.schedule(() -> flushBatch(number), maxWaitNanos, TimeUnit.NANOSECONDS);
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
