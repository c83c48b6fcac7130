package io.wkmp.ingest.testkit.fakes;

import io.wkmp.ingest.core.port.ResponseCache;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link ResponseCache} in memory that counts hits and writes. Thread-safe. */
public final class InMemoryResponseCache implements ResponseCache {
    private final Map<String, String> entries = new ConcurrentHashMap<>();
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();

    @Override
    public Optional<String> get(Kind kind, String key) {
        Optional<String> v = Optional.ofNullable(entries.get(kind + "/" + key));
        v.ifPresent(x -> hits.incrementAndGet());
        return v;
    }

    @Override
    public void put(Kind kind, String key, String value) {
        entries.put(kind + "/" + key, value);
        writes.incrementAndGet();
    }

    public int hits() {
        return hits.get();
    }

    public int writes() {
        return writes.get();
    }

    /** Entries of one kind. */
    public long size(Kind kind) {
        return entries.keySet().stream().filter(k -> k.startsWith(kind + "/")).count();
    }
}
