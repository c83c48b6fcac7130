package io.wkmp.ingest.adapters.sqlite;

import io.wkmp.ingest.core.audio.WaveformCells;
import io.wkmp.ingest.core.library.FileSummary;
import io.wkmp.ingest.core.library.StoredFile;
import io.wkmp.ingest.core.library.StoredPassage;
import io.wkmp.ingest.core.passage.PassageLayout;
import io.wkmp.ingest.core.passage.PassageTiming;
import io.wkmp.ingest.core.port.LibraryQueries;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link LibraryQueries} over the WKMP SQLite database ({@code files} and {@code passages} tables, which the
 * store creates). Timing updates run in one IMMEDIATE transaction. Thread-safe.
 */
public final class SqliteLibraryQueries implements LibraryQueries {
    private static final String PASSAGE_COLUMNS = "guid, start_time_ticks, end_time_ticks, lead_in_start_ticks, "
            + "lead_out_start_ticks, fade_in_start_ticks, fade_in_end_ticks, fade_out_start_ticks, title, artist, album, "
            + "recording_mbid, fingerprint, identification_decision, identification_confidence, identification_evidence, "
            + "import_metadata";

    private final Jdbi jdbi;

    public SqliteLibraryQueries(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** Queries on the database file {@code dbFile} (WAL, 5 s busy timeout). */
    public static SqliteLibraryQueries open(Path dbFile) {
        SqliteNativeLibrary.prepare();
        return new SqliteLibraryQueries(Jdbi.create("jdbc:sqlite:" + dbFile.toAbsolutePath()
                + "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=5000&foreign_keys=true"));
    }

    @Override
    public List<FileSummary> files(String pathPrefix, int limit) {
        String like = pathPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbi.withHandle(h -> h.createQuery("SELECT f.path, f.status, f.duration_ticks, "
                        + "(SELECT count(*) FROM passages p WHERE p.file_id = f.guid) AS n "
                        + "FROM files f WHERE f.path LIKE :like ESCAPE '\\' ORDER BY f.path LIMIT :limit")
                .bind("like", like)
                .bind("limit", limit)
                .map((rs, ctx) -> new FileSummary(
                        rs.getString("path"), rs.getString("status"), longOr(rs, "duration_ticks", -1), rs.getInt("n")))
                .list());
    }

    @Override
    public Optional<StoredFile> file(String relativePath) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT guid, path, duration_ticks, format, sample_rate, channels, status, "
                                + "artist, title, album FROM files WHERE path = :path")
                .bind("path", relativePath)
                .map((rs, ctx) -> new StoredFile(
                        rs.getString("guid"),
                        rs.getString("path"),
                        longOr(rs, "duration_ticks", -1),
                        rs.getString("format"),
                        rs.getInt("sample_rate"),
                        rs.getInt("channels"),
                        rs.getString("status"),
                        rs.getString("artist"),
                        rs.getString("title"),
                        rs.getString("album"),
                        passages(h, rs.getString("guid"))))
                .findOne());
    }

    @Override
    public Optional<WaveformCells> waveform(String relativePath) {
        return jdbi.withHandle(h -> WaveformRows.read(h, relativePath));
    }

    @Override
    public void storeWaveform(String relativePath, WaveformCells cells) {
        jdbi.useTransaction(h -> {
            String guid = h.createQuery("SELECT guid FROM files WHERE path = :p")
                    .bind("p", relativePath)
                    .mapTo(String.class)
                    .findOne()
                    .orElseThrow(() -> new NoSuchElementException("no imported file " + relativePath));
            WaveformRows.write(h, guid, cells);
        });
    }

    @Override
    public void updatePassageTimings(String relativePath, Map<String, PassageTiming> timingsByGuid) {
        jdbi.useHandle(h -> {
            h.execute("BEGIN IMMEDIATE");
            try {
                update(h, relativePath, timingsByGuid);
                h.execute("COMMIT");
            } catch (RuntimeException e) {
                h.execute("ROLLBACK");
                throw e;
            }
        });
    }

    private static void update(Handle h, String relativePath, Map<String, PassageTiming> timingsByGuid) {
        Map<String, Object> row = h.createQuery("SELECT guid, duration_ticks FROM files WHERE path = :path")
                .bind("path", relativePath)
                .mapToMap()
                .findOne()
                .orElseThrow(() -> new NoSuchElementException("no imported file at '" + relativePath + "'"));
        String fileGuid = (String) row.get("guid");
        Number duration = (Number) row.get("duration_ticks");
        Map<String, PassageTiming> all = new LinkedHashMap<>();
        passages(h, fileGuid).forEach(p -> all.put(p.guid(), p.timing()));
        for (Map.Entry<String, PassageTiming> e : timingsByGuid.entrySet()) {
            if (!all.containsKey(e.getKey())) {
                throw new NoSuchElementException("file '" + relativePath + "' has no passage " + e.getKey());
            }
            all.put(e.getKey(), e.getValue());
        }
        PassageLayout.check(new ArrayList<>(all.values()), duration == null ? -1 : duration.longValue());
        timingsByGuid.forEach(
                (guid, t) -> h.createUpdate("UPDATE passages SET start_time_ticks = :start, end_time_ticks = :end, "
                                + "lead_in_start_ticks = :leadIn, lead_out_start_ticks = :leadOut, fade_in_start_ticks = :fadeInStart, "
                                + "fade_in_end_ticks = :fadeInEnd, fade_out_start_ticks = :fadeOutStart, updated_at = CURRENT_TIMESTAMP "
                                + "WHERE guid = :guid AND file_id = :file")
                        .bindMethods(t)
                        .bind("guid", guid)
                        .bind("file", fileGuid)
                        .execute());
    }

    private static List<StoredPassage> passages(Handle h, String fileGuid) {
        return h.createQuery("SELECT " + PASSAGE_COLUMNS
                        + " FROM passages WHERE file_id = :file ORDER BY start_time_ticks, guid")
                .bind("file", fileGuid)
                .map((rs, ctx) -> passage(rs))
                .list();
    }

    private static StoredPassage passage(ResultSet rs) throws SQLException {
        PassageTiming timing = new PassageTiming(
                rs.getLong("start_time_ticks"),
                rs.getLong("end_time_ticks"),
                nullableLong(rs, "lead_in_start_ticks"),
                nullableLong(rs, "lead_out_start_ticks"),
                nullableLong(rs, "fade_in_start_ticks"),
                nullableLong(rs, "fade_in_end_ticks"),
                nullableLong(rs, "fade_out_start_ticks"));
        double confidence = rs.getDouble("identification_confidence");
        Double conf = rs.wasNull() ? null : confidence;
        return new StoredPassage(
                rs.getString("guid"),
                timing,
                rs.getString("title"),
                rs.getString("artist"),
                rs.getString("album"),
                rs.getString("recording_mbid"),
                rs.getString("fingerprint"),
                rs.getString("identification_decision"),
                conf,
                rs.getString("identification_evidence"),
                rs.getString("import_metadata"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static long longOr(ResultSet rs, String column, long fallback) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? fallback : v;
    }
}
