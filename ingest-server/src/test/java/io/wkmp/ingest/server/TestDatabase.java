package io.wkmp.ingest.server;

import io.wkmp.ingest.adapters.sqlite.SqliteLibraryQueries;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * A wkmp.db with the files/passages columns the server reads, seeded by the tests. (The real schema is the
 * store's; this keeps the server tests independent of it.)
 */
final class TestDatabase {
    static final long S = 28_224_000L;

    final Jdbi jdbi;
    final SqliteLibraryQueries queries;

    TestDatabase(Path dbFile) {
        jdbi = Jdbi.create("jdbc:sqlite:" + dbFile + "?busy_timeout=5000");
        jdbi.useHandle(h -> {
            h.execute(
                    "CREATE TABLE IF NOT EXISTS files (guid TEXT PRIMARY KEY, path TEXT NOT NULL UNIQUE, hash TEXT NOT NULL,"
                            + " duration_ticks INTEGER, format TEXT, sample_rate INTEGER, channels INTEGER, status TEXT, artist TEXT,"
                            + " title TEXT, album TEXT)");
            h.execute(
                    "CREATE TABLE IF NOT EXISTS passages (guid TEXT PRIMARY KEY, file_id TEXT NOT NULL, start_time_ticks INTEGER"
                            + " NOT NULL, end_time_ticks INTEGER NOT NULL, lead_in_start_ticks INTEGER, lead_out_start_ticks INTEGER,"
                            + " fade_in_start_ticks INTEGER, fade_in_end_ticks INTEGER, fade_out_start_ticks INTEGER, title TEXT,"
                            + " artist TEXT, album TEXT, recording_mbid TEXT, fingerprint TEXT, identification_decision TEXT,"
                            + " identification_confidence REAL, identification_evidence TEXT, import_metadata TEXT, updated_at TEXT)");
            h.execute(
                    "CREATE TABLE IF NOT EXISTS file_waveforms (file_id TEXT PRIMARY KEY, sample_rate INTEGER NOT NULL,"
                            + " frames_per_cell INTEGER NOT NULL, frames INTEGER NOT NULL, cells BLOB NOT NULL)");
        });
        queries = new SqliteLibraryQueries(jdbi);
    }

    /** Adds a file with passages given as [start, end] seconds pairs; passage guids are {@code <fileGuid>-p<i>}. */
    void addFile(String guid, String path, double durationSeconds, String title, double... bounds) {
        jdbi.useHandle(h -> {
            h.execute(
                    "INSERT INTO files VALUES (?, ?, 'hash-' || ?, ?, 'FLAC', 44100, 2, 'INGEST COMPLETE', 'Artist', ?, 'Album')",
                    guid,
                    path,
                    guid,
                    Math.round(durationSeconds * S),
                    title);
            for (int i = 0; i < bounds.length / 2; i++) {
                h.execute(
                        "INSERT INTO passages (guid, file_id, start_time_ticks, end_time_ticks, lead_in_start_ticks,"
                                + " lead_out_start_ticks, title, artist, identification_decision, identification_confidence,"
                                + " identification_evidence, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, 'Artist', 'REVIEW', 0.72, ?, 'AQAAfingerprint')",
                        guid + "-p" + i,
                        guid,
                        Math.round(bounds[2 * i] * S),
                        Math.round(bounds[2 * i + 1] * S),
                        Math.round((bounds[2 * i] + 0.5) * S),
                        Math.round((bounds[2 * i + 1] - 0.5) * S),
                        title + " " + (i + 1),
                        "{\"fingerprint_score\":0.8,\"metadata_score\":0.6,\"source\":\"test\"}");
            }
        });
    }

    /** Sets one tick column of a passage, e.g. {@code lead_in_start_ticks}. */
    void setTicks(String passageGuid, String column, long ticks) {
        if (!column.matches("[a-z_]+_ticks")) {
            throw new IllegalArgumentException(column);
        }
        jdbi.useHandle(h -> h.execute("UPDATE passages SET " + column + " = ? WHERE guid = ?", ticks, passageGuid));
    }

    /** The seven tick columns of a passage, in table order from start_time_ticks. */
    List<Long> ticks(String passageGuid) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT start_time_ticks, end_time_ticks, lead_in_start_ticks, lead_out_start_ticks,"
                                + " fade_in_start_ticks, fade_in_end_ticks, fade_out_start_ticks FROM passages WHERE guid = :g")
                .bind("g", passageGuid)
                .map((rs, ctx) -> java.util.Arrays.asList(
                        rs.getObject(1) == null ? null : rs.getLong(1),
                        rs.getObject(2) == null ? null : rs.getLong(2),
                        rs.getObject(3) == null ? null : rs.getLong(3),
                        rs.getObject(4) == null ? null : rs.getLong(4),
                        rs.getObject(5) == null ? null : rs.getLong(5),
                        rs.getObject(6) == null ? null : rs.getLong(6),
                        rs.getObject(7) == null ? null : rs.getLong(7)))
                .one());
    }
}
