package io.wkmp.ingest.adapters.sqlite;

import io.wkmp.ingest.core.identification.Decision;
import io.wkmp.ingest.core.library.ReviewPassage;
import io.wkmp.ingest.core.library.UserDecision;
import io.wkmp.ingest.core.passage.PassageTiming;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** Passages as a person reviews them, and a person's decision on one (kept across re-imports of the same content). */
final class ReviewRows {
    private static final String SELECT = """
            SELECT p.guid, f.path, f.tags, p.start_time_ticks, p.end_time_ticks, p.lead_in_start_ticks,
              p.lead_out_start_ticks, p.fade_in_start_ticks, p.fade_in_end_ticks, p.fade_out_start_ticks,
              p.title, p.artist, p.album, p.recording_mbid, p.identification_decision, p.identification_confidence,
              p.identification_evidence
            FROM passages p JOIN files f ON f.guid = p.file_id
            """;

    private final Json json;
    private final CatalogWriter catalog;

    ReviewRows(Json json, CatalogWriter catalog) {
        this.json = json;
        this.catalog = catalog;
    }

    List<ReviewPassage> list(Handle h, Set<Decision> decisions, String folderPrefix) {
        return h.createQuery(SELECT + " WHERE p.identification_decision IN (<decisions>)"
                        + " AND substr(f.path, 1, length(:prefix)) = :prefix ORDER BY f.path, p.start_time_ticks")
                .bindList("decisions", decisions.stream().map(Decision::name).toList())
                .bind("prefix", folderPrefix)
                .map((rs, ctx) -> passage(rs))
                .list();
    }

    Optional<ReviewPassage> one(Handle h, String passageGuid) {
        return h.createQuery(SELECT + " WHERE p.guid = :g")
                .bind("g", passageGuid)
                .map((rs, ctx) -> passage(rs))
                .findOne();
    }

    private ReviewPassage passage(ResultSet rs) throws SQLException {
        Json.StoredEvidence e = json.storedEvidence(rs.getString("identification_evidence"));
        String decision = rs.getString("identification_decision");
        double confidence = rs.getDouble("identification_confidence");
        Double conf = rs.wasNull() ? null : confidence;
        return new ReviewPassage(
                rs.getString("guid"),
                rs.getString("path"),
                new PassageTiming(
                        rs.getLong("start_time_ticks"),
                        rs.getLong("end_time_ticks"),
                        IdentificationRows.nullableLong(rs, "lead_in_start_ticks"),
                        IdentificationRows.nullableLong(rs, "lead_out_start_ticks"),
                        IdentificationRows.nullableLong(rs, "fade_in_start_ticks"),
                        IdentificationRows.nullableLong(rs, "fade_in_end_ticks"),
                        IdentificationRows.nullableLong(rs, "fade_out_start_ticks")),
                rs.getString("title"),
                rs.getString("artist"),
                rs.getString("album"),
                json.tags(rs.getString("tags")),
                decision == null ? null : Decision.valueOf(decision),
                conf,
                rs.getString("recording_mbid"),
                e.breakdown(),
                e.reasons(),
                e.candidates(),
                e.userDecision());
    }

    /** Stores {@code d} on the passage: decision, recording, song link and the evidence's user_decision. */
    void record(Handle h, String passageGuid, UserDecision d) {
        Map<String, Object> row = h.createQuery(
                        "SELECT start_time_ticks, end_time_ticks, title, artist, recording_mbid,"
                                + " identification_evidence, musical_flavor_vector, import_metadata,"
                                + " (SELECT album_id FROM passage_albums a WHERE a.passage_id = p.guid LIMIT 1) AS album"
                                + " FROM passages p WHERE guid = :g")
                .bind("g", passageGuid)
                .mapToMap()
                .findOne()
                .orElseThrow(() -> new NoSuchElementException("no passage " + passageGuid));
        long duration =
                ((Number) row.get("end_time_ticks")).longValue() - ((Number) row.get("start_time_ticks")).longValue();
        String song = d.recordingMbid() == null
                ? null
                : catalog.song(
                        h,
                        d.recordingMbid(),
                        null,
                        (String) row.get("title"),
                        (String) row.get("artist"),
                        json.passageFlavor(
                                        (String) row.get("musical_flavor_vector"), (String) row.get("import_metadata"))
                                .orElse(null));
        // the album the import matched stays linked while the recording is the one it proposed
        String album = d.recordingMbid() != null && d.recordingMbid().equals(row.get("recording_mbid"))
                ? (String) row.get("album")
                : null;
        h.createUpdate(
                        "UPDATE passages SET recording_mbid = :mbid, song_id = :song, identification_decision = :decision,"
                                + " identification_evidence = :evidence, updated_at = CURRENT_TIMESTAMP WHERE guid = :g")
                .bind("mbid", d.recordingMbid())
                .bind("song", song)
                .bind("decision", d.decision().name())
                .bind("evidence", json.withUserDecision((String) row.get("identification_evidence"), d))
                .bind("g", passageGuid)
                .execute();
        catalog.link(h, passageGuid, duration, song, album);
    }
}
