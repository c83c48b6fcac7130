package io.wkmp.ingest.adapters.sqlite;

import io.wkmp.ingest.core.library.FileStatus;
import io.wkmp.ingest.core.library.KnownFile;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** The {@code files} table: rows by path, status, and bidirectional duplicate-hash links. */
final class FileRows {
    private static final String COLUMNS = "guid, path, hash, file_size_bytes, modification_time, status";
    private static final RowMapper<KnownFile> KNOWN = (rs, ctx) -> new KnownFile(
            rs.getString("guid"),
            rs.getString("path"),
            rs.getString("hash"),
            rs.getLong("file_size_bytes"),
            Timestamps.parse(rs.getString("modification_time")),
            FileStatus.fromDb(rs.getString("status")));

    private final Json json;

    FileRows(Json json) {
        this.json = json;
    }

    /** Inserts or updates the row of {@code path}, keeping its guid; returns the guid. */
    String upsert(Handle h, String path, String sha256, long size, Instant mtime, FileStatus status) {
        Optional<String> existing = h.createQuery("SELECT guid FROM files WHERE path = :p")
                .bind("p", path)
                .mapTo(String.class)
                .findOne();
        String guid = existing.orElseGet(() -> UUID.randomUUID().toString());
        h.createUpdate(
                        existing.isPresent()
                                ? "UPDATE files SET hash = :hash, file_size_bytes = :size, modification_time = :mtime, status = :status,"
                                        + " updated_at = CURRENT_TIMESTAMP WHERE guid = :guid"
                                : "INSERT INTO files (guid, path, hash, file_size_bytes, modification_time, status)"
                                        + " VALUES (:guid, :path, :hash, :size, :mtime, :status)")
                .bind("guid", guid)
                .bind("path", path)
                .bind("hash", sha256 == null ? "" : sha256)
                .bind("size", size)
                .bind("mtime", Timestamps.format(mtime))
                .bind("status", status.dbValue())
                .execute();
        return guid;
    }

    Optional<KnownFile> byPath(Handle h, String path) {
        return h.createQuery("SELECT " + COLUMNS + " FROM files WHERE path = :p")
                .bind("p", path)
                .map(KNOWN)
                .findOne();
    }

    Map<String, KnownFile> all(Handle h) {
        Map<String, KnownFile> out = new LinkedHashMap<>();
        h.createQuery("SELECT " + COLUMNS + " FROM files ORDER BY path")
                .map(KNOWN)
                .forEach(k -> out.put(k.relativePath(), k));
        return out;
    }

    Optional<KnownFile> completeByHash(Handle h, String sha256) {
        return h.createQuery(
                        "SELECT " + COLUMNS + " FROM files WHERE hash = :h AND status = :s ORDER BY created_at LIMIT 1")
                .bind("h", sha256)
                .bind("s", FileStatus.INGEST_COMPLETE.dbValue())
                .map(KNOWN)
                .findOne();
    }

    /**
     * Links the file with every other file of the same hash, both ways, in {@code matching_hashes}; the file
     * named by {@code duplicateOfPath} comes first in this file's list.
     */
    void linkSameHash(Handle h, String guid, String sha256, String duplicateOfPath) {
        if (sha256 == null || sha256.isBlank() || sha256.equals("PENDING")) {
            return;
        }
        List<String> others = h.createQuery(
                        "SELECT guid FROM files WHERE hash = :h AND guid <> :g ORDER BY created_at, guid")
                .bind("h", sha256)
                .bind("g", guid)
                .mapTo(String.class)
                .list();
        if (others.isEmpty()) {
            return;
        }
        List<String> mine = matching(h, guid);
        Optional<String> original = duplicateOfPath == null
                ? Optional.empty()
                : h.createQuery("SELECT guid FROM files WHERE path = :p")
                        .bind("p", duplicateOfPath)
                        .mapTo(String.class)
                        .findOne();
        original.ifPresent(o -> {
            mine.remove(o);
            mine.add(0, o);
        });
        for (String other : others) {
            if (!mine.contains(other)) {
                mine.add(other);
            }
            List<String> theirs = matching(h, other);
            if (!theirs.contains(guid)) {
                theirs.add(guid);
                setMatching(h, other, theirs);
            }
        }
        setMatching(h, guid, mine);
    }

    /** Deletes the file of {@code path} with its passages and their links; returns true when it existed. */
    boolean remove(Handle h, String path) {
        Optional<String> guid = h.createQuery("SELECT guid FROM files WHERE path = :p")
                .bind("p", path)
                .mapTo(String.class)
                .findOne();
        if (guid.isEmpty()) {
            return false;
        }
        String passages = "(SELECT guid FROM passages WHERE file_id = :f)";
        h.createUpdate("DELETE FROM passage_songs WHERE passage_id IN " + passages)
                .bind("f", guid.get())
                .execute();
        h.createUpdate("DELETE FROM passage_albums WHERE passage_id IN " + passages)
                .bind("f", guid.get())
                .execute();
        h.createUpdate("DELETE FROM images WHERE entity_id IN " + passages)
                .bind("f", guid.get())
                .execute();
        h.createUpdate("DELETE FROM passages WHERE file_id = :f")
                .bind("f", guid.get())
                .execute();
        h.createUpdate("DELETE FROM files WHERE guid = :f")
                .bind("f", guid.get())
                .execute();
        return true;
    }

    private List<String> matching(Handle h, String guid) {
        return json.strings(h.createQuery("SELECT matching_hashes FROM files WHERE guid = :g")
                .bind("g", guid)
                .mapTo(String.class)
                .findOne()
                .orElse(null));
    }

    private void setMatching(Handle h, String guid, List<String> guids) {
        h.createUpdate("UPDATE files SET matching_hashes = :m, updated_at = CURRENT_TIMESTAMP WHERE guid = :g")
                .bind("m", json.strings(guids))
                .bind("g", guid)
                .execute();
    }
}
