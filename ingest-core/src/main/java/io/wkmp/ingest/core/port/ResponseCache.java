package io.wkmp.ingest.core.port;

import java.util.Optional;

/** The outside services' response caches ({@code acoustid_cache}, {@code musicbrainz_cache}, {@code acousticbrainz_cache}). Thread-safe. */
public interface ResponseCache {
    /** Which cache. */
    enum Kind {
        ACOUSTID,
        MUSICBRAINZ,
        ACOUSTICBRAINZ
    }

    Optional<String> get(Kind kind, String key);

    void put(Kind kind, String key, String value);
}
