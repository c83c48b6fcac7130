package io.wkmp.ingest.adapters.sqlite;

import io.wkmp.ingest.core.library.FileImport;
import io.wkmp.ingest.core.library.FileStatus;
import io.wkmp.ingest.core.library.ImageImport;
import io.wkmp.ingest.core.library.KnownFile;
import io.wkmp.ingest.core.library.PassageImport;
import io.wkmp.ingest.core.library.UserDecision;
import io.wkmp.ingest.core.passage.PassageTiming;
import io.wkmp.ingest.core.tags.FileTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Writes one file's complete result inside the caller's transaction: the file row (guid kept), its passages
 * (guids reused in time order, so other modules' references survive a re-import; surplus passages deleted),
 * songs, albums, links, images and duplicate-hash links. A person's decision on a passage is kept when the file's
 * content is the same and a passage is at the same place ({@link UserDecision#carriesOver}).
 */
final class FileWriter {
    private static final String UPSERT_PASSAGE = """
            INSERT INTO passages (guid, file_id, start_time_ticks, end_time_ticks, lead_in_start_ticks, lead_out_start_ticks,
              fade_in_start_ticks, fade_in_end_ticks, fade_out_start_ticks, title, artist, album, recording_mbid, song_id,
              musical_flavor_vector, import_metadata, status, fingerprint, identification_decision,
              identification_confidence, identification_evidence)
            VALUES (:guid, :file, :start, :end, :leadIn, :leadOut, :fadeInStart, :fadeInEnd, :fadeOutStart, :title, :artist,
              :album, :mbid, :song, :flavor, :metadata, :status, :fingerprint, :decision, :confidence, :evidence)
            ON CONFLICT(guid) DO UPDATE SET file_id = excluded.file_id, start_time_ticks = excluded.start_time_ticks,
              end_time_ticks = excluded.end_time_ticks, lead_in_start_ticks = excluded.lead_in_start_ticks,
              lead_out_start_ticks = excluded.lead_out_start_ticks, fade_in_start_ticks = excluded.fade_in_start_ticks,
              fade_in_end_ticks = excluded.fade_in_end_ticks, fade_out_start_ticks = excluded.fade_out_start_ticks,
              title = excluded.title, artist = excluded.artist, album = excluded.album,
              recording_mbid = excluded.recording_mbid, song_id = excluded.song_id,
              musical_flavor_vector = excluded.musical_flavor_vector, import_metadata = excluded.import_metadata,
              status = excluded.status, fingerprint = excluded.fingerprint,
              identification_decision = excluded.identification_decision,
              identification_confidence = excluded.identification_confidence,
              identification_evidence = excluded.identification_evidence, updated_at = CURRENT_TIMESTAMP
            """;

    private final Json json;
    private final CatalogWriter catalog;
    private final FileRows files;
    private final ReviewRows reviews;

    FileWriter(Json json, CatalogWriter catalog, FileRows files, ReviewRows reviews) {
        this.json = json;
        this.catalog = catalog;
        this.files = files;
        this.reviews = reviews;
    }

    /** Writes {@code f}; returns the number of passages written. */
    int write(Handle h, FileImport f) {
        FileTags tags = f.tags() == null ? FileTags.EMPTY : f.tags();
        String shaBefore =
                files.byPath(h, f.relativePath()).map(KnownFile::sha256).orElse(null);
        String fileGuid = files.upsert(h, f.relativePath(), f.sha256(), f.sizeBytes(), f.modifiedAt(), f.status());
        Long duration = f.durationTicks() > 0 ? Long.valueOf(f.durationTicks()) : originalDuration(h, f);
        h.createUpdate(
                        "UPDATE files SET duration_ticks = :duration, format = :format, sample_rate = :rate, channels = :channels,"
                                + " artist = :artist, title = :title, album = :album, track_number = :track, year = :year, tags = :tags"
                                + " WHERE guid = :guid")
                .bind("duration", duration)
                .bind("format", f.formatName())
                .bind("rate", f.format() == null ? null : f.format().sampleRate())
                .bind("channels", f.format() == null ? null : f.format().channels())
                .bind("artist", tags.artist())
                .bind("title", tags.title())
                .bind("album", tags.album())
                .bind("track", tags.trackNumber())
                .bind("year", tags.year())
                .bind("tags", json.tags(tags))
                .bind("guid", fileGuid)
                .execute();
        writePassages(h, fileGuid, shaBefore, f);
        WaveformRows.write(h, fileGuid, f.waveform());
        writeImages(h, fileGuid, f.images());
        files.linkSameHash(h, fileGuid, f.sha256(), f.duplicateOfPath());
        return f.passages().size();
    }

    /**
     * The duration of a file never decoded: a duplicate has its original's bytes, so its original's decoded
     * duration (when that is stored already); else unknown (NULL), never a header's rounded seconds.
     */
    private static Long originalDuration(Handle h, FileImport f) {
        if (f.duplicateOfPath() == null) {
            return null;
        }
        return h.createQuery("SELECT duration_ticks FROM files WHERE path = :p")
                .bind("p", f.duplicateOfPath())
                .mapTo(Long.class)
                .findOne()
                .orElse(null);
    }

    /** A passage row before the re-import: its id, where it was, and its stored evidence. */
    private record OldPassage(String guid, PassageTiming timing, String evidence) {}

    /** A person's decision on a passage before the re-import, with where that passage was. */
    private record Decided(PassageTiming timing, UserDecision decision) {}

    private void writePassages(Handle h, String fileGuid, String shaBefore, FileImport f) {
        List<OldPassage> rows = h.createQuery("SELECT guid, start_time_ticks, end_time_ticks, identification_evidence"
                        + " FROM passages WHERE file_id = :f ORDER BY start_time_ticks, guid")
                .bind("f", fileGuid)
                .map((rs, ctx) -> new OldPassage(
                        rs.getString(1),
                        new PassageTiming(rs.getLong(2), rs.getLong(3), null, null, null, null, null),
                        rs.getString(4)))
                .list();
        List<String> old = rows.stream().map(OldPassage::guid).toList();
        List<Decided> decided = new ArrayList<>();
        if (shaBefore != null && shaBefore.equals(f.sha256())) { // a changed file asks again: nothing carries over
            for (OldPassage o : rows) {
                UserDecision d = json.storedEvidence(o.evidence()).userDecision();
                if (d != null) {
                    decided.add(new Decided(o.timing(), d));
                }
            }
        }
        String status =
                (f.status() == FileStatus.INGEST_COMPLETE ? FileStatus.INGEST_COMPLETE : FileStatus.PENDING).dbValue();
        List<String> written = new ArrayList<>();
        for (int i = 0; i < f.passages().size(); i++) {
            String guid = i < old.size() ? old.get(i) : UUID.randomUUID().toString();
            writePassage(h, fileGuid, guid, f.passages().get(i), status);
            written.add(guid);
        }
        for (int i = 0; i < written.size(); i++) {
            PassageTiming now = f.passages().get(i).timing();
            String guid = written.get(i);
            decided.stream()
                    .filter(d -> UserDecision.carriesOver(shaBefore, d.timing(), f.sha256(), now))
                    .findFirst()
                    .ifPresent(d -> reviews.record(h, guid, d.decision()));
        }
        for (String surplus : old.subList(Math.min(old.size(), f.passages().size()), old.size())) {
            h.createUpdate("DELETE FROM passage_songs WHERE passage_id = :p")
                    .bind("p", surplus)
                    .execute();
            h.createUpdate("DELETE FROM passage_albums WHERE passage_id = :p")
                    .bind("p", surplus)
                    .execute();
            h.createUpdate("DELETE FROM passages WHERE guid = :p")
                    .bind("p", surplus)
                    .execute();
        }
    }

    private void writePassage(Handle h, String fileGuid, String guid, PassageImport p, String status) {
        PassageTiming t = p.timing();
        Optional<String> mbid = CatalogWriter.songRecording(p.identification(), p.recording());
        String song = mbid.map(m -> catalog.song(h, m, p.recording(), p.title(), p.artist(), p.flavor()))
                .orElse(null);
        String album = p.release() == null || p.release().releaseMbid() == null ? null : catalog.album(h, p.release());
        double confidence =
                p.identification() == null ? Double.NaN : p.identification().confidence();
        h.createUpdate(UPSERT_PASSAGE)
                .bind("guid", guid)
                .bind("file", fileGuid)
                .bind("start", t.start())
                .bind("end", t.end())
                .bind("leadIn", t.leadIn())
                .bind("leadOut", t.leadOut())
                .bind("fadeInStart", t.fadeInStart())
                .bind("fadeInEnd", t.fadeInEnd())
                .bind("fadeOutStart", t.fadeOutStart())
                .bind("title", p.title())
                .bind("artist", p.artist())
                .bind("album", p.album())
                .bind("mbid", mbid.orElse(null))
                .bind("song", song)
                .bind("flavor", json.flavor(p.flavor()))
                .bind("metadata", json.importMetadata(p.amplitude(), p.flavor()))
                .bind("status", status)
                .bind("fingerprint", p.fingerprint())
                .bind(
                        "decision",
                        p.identification() == null
                                ? null
                                : p.identification().decision().name())
                .bind("confidence", Double.isFinite(confidence) ? confidence : null)
                .bind("evidence", p.identification() == null ? null : json.evidence(p.identification()))
                .execute();
        catalog.link(h, guid, t.duration(), song, album);
    }

    /** One images row per image; album images belong to the album, others to the file's first passage. */
    private void writeImages(Handle h, String fileGuid, List<ImageImport> images) {
        Optional<String> firstPassage = h.createQuery(
                        "SELECT guid FROM passages WHERE file_id = :f ORDER BY start_time_ticks LIMIT 1")
                .bind("f", fileGuid)
                .mapTo(String.class)
                .findOne();
        for (ImageImport image : images) {
            Optional<String> entity = image.releaseMbid() != null
                    ? h.createQuery("SELECT guid FROM albums WHERE album_mbid = :m")
                            .bind("m", image.releaseMbid())
                            .mapTo(String.class)
                            .findOne()
                    : firstPassage;
            if (entity.isEmpty()) {
                continue;
            }
            h.createUpdate("DELETE FROM images WHERE file_path = :path AND image_type = :type AND entity_id = :entity")
                    .bind("path", image.relativePath())
                    .bind("type", image.imageType().column())
                    .bind("entity", entity.get())
                    .execute();
            h.createUpdate("INSERT INTO images (guid, file_path, image_type, entity_id, width, height)"
                            + " VALUES (:guid, :path, :type, :entity, :width, :height)")
                    .bind("guid", UUID.randomUUID().toString())
                    .bind("path", image.relativePath())
                    .bind("type", image.imageType().column())
                    .bind("entity", entity.get())
                    .bind("width", image.width())
                    .bind("height", image.height())
                    .execute();
        }
    }
}
