package io.wkmp.ingest.server.e2e;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Reads a root's wkmp.db with plain SQL, as WKMP would (the store under test is not used to check itself). */
final class LibraryDb {
    /** Ticks per second (wkmp-reference: 28,224,000 ticks per second). */
    static final long TICKS_PER_SECOND = 28_224_000L;

    static final long TICKS_PER_MS = TICKS_PER_SECOND / 1000;

    /** One passage row: its file's path, timing columns, identification and flavour. */
    record PassageRow(
            String path,
            long start,
            long end,
            Long leadIn,
            Long leadOut,
            Long fadeInStart,
            Long fadeInEnd,
            Long fadeOutStart,
            String decision,
            String recordingMbid,
            String flavor) {
        List<Object> timing() {
            return java.util.Arrays.asList(path, start, end, leadIn, leadOut, fadeInStart, fadeInEnd, fadeOutStart);
        }
    }

    private final Jdbi jdbi;

    LibraryDb(Path root) {
        jdbi = Jdbi.create("jdbc:sqlite:" + root.resolve("wkmp.db") + "?busy_timeout=5000");
    }

    /** files.path -> files.status. */
    Map<String, String> fileStatuses() {
        return jdbi.withHandle(h -> h.createQuery("SELECT path, status FROM files ORDER BY path")
                .setMapKeyColumn("path")
                .setMapValueColumn("status")
                .collectInto(new org.jdbi.v3.core.generic.GenericType<Map<String, String>>() {}));
    }

    Optional<String> status(String path) {
        return jdbi.withHandle(h -> h.createQuery("SELECT status FROM files WHERE path = :p")
                .bind("p", path)
                .mapTo(String.class)
                .findOne());
    }

    /** Every passage, ordered by file path and start. */
    List<PassageRow> passages() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT f.path, p.start_time_ticks, p.end_time_ticks, p.lead_in_start_ticks,"
                                + " p.lead_out_start_ticks, p.fade_in_start_ticks, p.fade_in_end_ticks, p.fade_out_start_ticks,"
                                + " p.identification_decision, p.recording_mbid, p.musical_flavor_vector"
                                + " FROM passages p JOIN files f ON f.guid = p.file_id ORDER BY f.path, p.start_time_ticks")
                .map((rs, ctx) -> new PassageRow(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        nullable(rs, 4),
                        nullable(rs, 5),
                        nullable(rs, 6),
                        nullable(rs, 7),
                        nullable(rs, 8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11)))
                .list());
    }

    private static Long nullable(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    List<PassageRow> passages(String path) {
        return passages().stream().filter(p -> p.path().equals(path)).toList();
    }

    long count(String table) {
        return jdbi.withHandle(h ->
                h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
    }

    /** The single number {@code sql} selects. */
    long scalar(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    /** The rows {@code sql} selects, each as its columns joined by " | " (for assertion messages). */
    List<String> rows(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql)
                .map((rs, ctx) -> {
                    StringBuilder b = new StringBuilder();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        b.append(i > 1 ? " | " : "").append(rs.getString(i));
                    }
                    return b.toString();
                })
                .list());
    }

    /** Passages sharing a file and a start (should be none). */
    long duplicatePassages() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM (SELECT file_id, start_time_ticks FROM passages"
                        + " GROUP BY file_id, start_time_ticks HAVING count(*) > 1)")
                .mapTo(Long.class)
                .one());
    }
}
