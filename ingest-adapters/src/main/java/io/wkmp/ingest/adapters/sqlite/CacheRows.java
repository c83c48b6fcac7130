package io.wkmp.ingest.adapters.sqlite;

import io.wkmp.ingest.core.port.ResponseCache.Kind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The three response caches (wkmp-reference §8 item 12): {@code acoustid_cache} keyed by the SHA-256 of the key,
 * {@code musicbrainz_cache} keyed by the key with the entity type its prefix names, {@code acousticbrainz_cache}
 * keyed by recording MBID. Entries never expire.
 */
final class CacheRows {
    private static final Set<String> ENTITY_TYPES = Set.of("recording", "release", "artist", "work", "release-group");

    private CacheRows() {}

    static Optional<String> get(Handle h, Kind kind, String key) {
        String sql;
        switch (kind) {
            case ACOUSTID:
                sql = "SELECT response FROM acoustid_cache WHERE fingerprint_hash = :k";
                key = sha256(key);
                break;
            case MUSICBRAINZ:
                sql = "SELECT metadata FROM musicbrainz_cache WHERE mbid = :k";
                break;
            default:
                sql = "SELECT high_level_data FROM acousticbrainz_cache WHERE recording_mbid = :k";
        }
        return h.createQuery(sql).bind("k", key).mapTo(String.class).findOne();
    }

    static void put(Handle h, Kind kind, String key, String value) {
        switch (kind) {
            case ACOUSTID:
                h.createUpdate(
                                "INSERT INTO acoustid_cache (fingerprint_hash, mbid, response) VALUES (:k, '', :v)"
                                        + " ON CONFLICT(fingerprint_hash) DO UPDATE SET response = excluded.response, cached_at = datetime('now')")
                        .bind("k", sha256(key))
                        .bind("v", value)
                        .execute();
                break;
            case MUSICBRAINZ:
                h.createUpdate("INSERT INTO musicbrainz_cache (mbid, entity_type, metadata) VALUES (:k, :t, :v)"
                                + " ON CONFLICT(mbid) DO UPDATE SET entity_type = excluded.entity_type, metadata = excluded.metadata,"
                                + " cached_at = CURRENT_TIMESTAMP")
                        .bind("k", key)
                        .bind("t", entityType(key))
                        .bind("v", value)
                        .execute();
                break;
            default:
                h.createUpdate("INSERT INTO acousticbrainz_cache (recording_mbid, high_level_data) VALUES (:k, :v)"
                                + " ON CONFLICT(recording_mbid) DO UPDATE SET high_level_data = excluded.high_level_data,"
                                + " cached_at = CURRENT_TIMESTAMP")
                        .bind("k", key)
                        .bind("v", value)
                        .execute();
        }
    }

    /** "release/abc?inc=..." is a release; keys without a known entity prefix are "other". */
    static String entityType(String key) {
        int end = 0;
        while (end < key.length() && (Character.isLetter(key.charAt(end)) || key.charAt(end) == '-')) {
            end++;
        }
        String prefix = key.substring(0, end).toLowerCase(Locale.ROOT);
        return ENTITY_TYPES.contains(prefix) ? prefix : "other";
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
