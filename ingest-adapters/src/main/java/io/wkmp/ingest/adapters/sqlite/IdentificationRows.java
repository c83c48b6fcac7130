package io.wkmp.ingest.adapters.sqlite;

import io.wkmp.ingest.core.flavor.Flavor;
import io.wkmp.ingest.core.identification.Decision;
import io.wkmp.ingest.core.library.IdentificationUpdate;
import io.wkmp.ingest.core.library.PendingPassage;
import io.wkmp.ingest.core.passage.PassageTiming;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Passages waiting for identification, and writing a later identification onto a stored passage. */
final class IdentificationRows {
    private static final Logger LOG = LoggerFactory.getLogger(IdentificationRows.class);
    private static final String PENDING = """
            SELECT * FROM (
              SELECT p.guid, f.path, f.tags, p.start_time_ticks, p.end_time_ticks, p.lead_in_start_ticks,
                p.lead_out_start_ticks, p.fade_in_start_ticks, p.fade_in_end_ticks, p.fade_out_start_ticks,
                p.title, p.artist, p.album, p.fingerprint, p.identification_decision,
                row_number() OVER (PARTITION BY p.file_id ORDER BY p.start_time_ticks) - 1 AS idx,
                count(*) OVER (PARTITION BY p.file_id) AS n
              FROM passages p JOIN files f ON f.guid = p.file_id)
            WHERE identification_decision = :pending AND substr(path, 1, length(:prefix)) = :prefix
            ORDER BY path, start_time_ticks
            """;

    private static final String COUNT_PENDING = """
            SELECT count(*) FROM passages p JOIN files f ON f.guid = p.file_id
            WHERE p.identification_decision = :pending AND substr(f.path, 1, length(:prefix)) = :prefix
            """;

    private final Json json;
    private final CatalogWriter catalog;

    IdentificationRows(Json json, CatalogWriter catalog) {
        this.json = json;
        this.catalog = catalog;
    }

    /** The PENDING passages of the files whose path starts with {@code folderPrefix} ("" for all). */
    List<PendingPassage> pending(Handle h, String folderPrefix) {
        return h.createQuery(PENDING)
                .bind("pending", Decision.PENDING.name())
                .bind("prefix", folderPrefix)
                .map((rs, ctx) -> new PendingPassage(
                        rs.getString("guid"),
                        rs.getString("path"),
                        rs.getInt("idx"),
                        rs.getInt("n"),
                        new PassageTiming(
                                rs.getLong("start_time_ticks"),
                                rs.getLong("end_time_ticks"),
                                nullableLong(rs, "lead_in_start_ticks"),
                                nullableLong(rs, "lead_out_start_ticks"),
                                nullableLong(rs, "fade_in_start_ticks"),
                                nullableLong(rs, "fade_in_end_ticks"),
                                nullableLong(rs, "fade_out_start_ticks")),
                        rs.getString("title"),
                        rs.getString("artist"),
                        rs.getString("album"),
                        rs.getString("fingerprint"),
                        json.tags(rs.getString("tags"))))
                .list();
    }

    int countPending(Handle h, String folderPrefix) {
        return h.createQuery(COUNT_PENDING)
                .bind("pending", Decision.PENDING.name())
                .bind("prefix", folderPrefix)
                .mapTo(Integer.class)
                .one();
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /**
     * Writes {@code u}; false when the passage no longer exists (re-imported or removed meanwhile) or a person has
     * decided it.
     */
    boolean update(Handle h, IdentificationUpdate u) {
        Optional<Map<String, Object>> row = h.createQuery(
                        "SELECT start_time_ticks, end_time_ticks, title, artist,"
                                + " musical_flavor_vector, import_metadata, identification_evidence FROM passages WHERE guid = :g")
                .bind("g", u.passageGuid())
                .mapToMap()
                .findOne();
        if (row.isEmpty()) {
            LOG.info("passage {} is gone; its new identification is dropped", u.passageGuid());
            return false;
        }
        if (json.storedEvidence((String) row.get().get("identification_evidence"))
                        .userDecision()
                != null) {
            LOG.info(
                    "passage {} was decided by a person meanwhile; its new identification is dropped", u.passageGuid());
            return false;
        }
        long duration = ((Number) row.get().get("end_time_ticks")).longValue()
                - ((Number) row.get().get("start_time_ticks")).longValue();
        Optional<String> mbid = CatalogWriter.songRecording(u.identification(), u.recording());
        // no catalogue flavour: the song gets the flavour computed for the passage at import, as an online import gives
        // it
        Flavor songFlavor = u.flavor() != null
                ? u.flavor()
                : json.passageFlavor((String) row.get().get("musical_flavor_vector"), (String)
                                row.get().get("import_metadata"))
                        .orElse(null);
        String song = mbid.map(m -> catalog.song(
                        h,
                        m,
                        u.recording(),
                        (String) row.get().get("title"),
                        (String) row.get().get("artist"),
                        songFlavor))
                .orElse(null);
        String album = u.release() == null || u.release().releaseMbid() == null ? null : catalog.album(h, u.release());
        double confidence = u.identification().confidence();
        h.createUpdate("UPDATE passages SET recording_mbid = :mbid, song_id = :song,"
                        + " musical_flavor_vector = coalesce(:flavor, musical_flavor_vector), identification_decision = :decision,"
                        + " identification_confidence = :confidence, identification_evidence = :evidence,"
                        + " updated_at = CURRENT_TIMESTAMP WHERE guid = :g")
                .bind("mbid", mbid.orElse(null))
                .bind("song", song)
                .bind("flavor", json.flavor(u.flavor()))
                .bind("decision", u.identification().decision().name())
                .bind("confidence", Double.isFinite(confidence) ? confidence : null)
                .bind("evidence", json.evidence(u.identification()))
                .bind("g", u.passageGuid())
                .execute();
        catalog.link(h, u.passageGuid(), duration, song, album);
        return true;
    }
}
