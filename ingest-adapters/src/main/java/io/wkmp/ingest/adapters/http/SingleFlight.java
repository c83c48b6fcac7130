package io.wkmp.ingest.adapters.http;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Coalesces concurrent identical calls: while a call for a key is running, other callers of that key wait for
 * its result (or its exception) instead of making the call again. Nothing is kept once the call ends; pair it
 * with a cache and re-check the cache inside the call. Thread-safe.
 *
 * @param <V> the result type
 */
public final class SingleFlight<V> {
    private final Map<String, CompletableFuture<V>> running = new ConcurrentHashMap<>();

    /** The result of {@code call} for {@code key}: made here, or shared with the caller already making it. */
    public V run(String key, Supplier<V> call) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> other = running.putIfAbsent(key, mine);
        if (other != null) {
            return await(other);
        }
        try {
            V v = call.get();
            mine.complete(v);
            return v;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(key, mine);
        }
    }

    private static <V> V await(CompletableFuture<V> other) {
        try {
            return other.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            if (e.getCause() instanceof Error) {
                throw (Error) e.getCause();
            }
            throw e;
        }
    }
}
