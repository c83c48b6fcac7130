package io.wkmp.ingest.adapters.sqlite;

import io.wkmp.ingest.core.catalog.ArtistCredit;
import io.wkmp.ingest.core.catalog.Recording;
import io.wkmp.ingest.core.catalog.Release;
import io.wkmp.ingest.core.catalog.Work;
import io.wkmp.ingest.core.flavor.Flavor;
import io.wkmp.ingest.core.identification.Decision;
import io.wkmp.ingest.core.identification.Identification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Writes songs, artists, works and albums (one row per MusicBrainz id, found before inserted, so it works on
 * tables without our UNIQUE constraints) and a passage's song and album links. Runs inside the caller's
 * write transaction.
 */
final class CatalogWriter {
    private final Json json;

    CatalogWriter(Json json) {
        this.json = json;
    }

    /** The recording an identification names for a song (ACCEPT or REVIEW with an MBID), if any. */
    static Optional<String> songRecording(Identification id, Recording recording) {
        if (id == null || (id.decision() != Decision.ACCEPT && id.decision() != Decision.REVIEW)) {
            return Optional.empty();
        }
        return Optional.ofNullable(recording != null ? recording.recordingMbid() : id.recordingMbid());
    }

    /** The song of {@code recordingMbid}, created or refreshed, with its artists and works; returns its guid. */
    String song(
            Handle h,
            String recordingMbid,
            Recording recording,
            String fallbackTitle,
            String fallbackArtist,
            Flavor flavor) {
        String title = recording != null && recording.title() != null ? recording.title() : fallbackTitle;
        String artistName =
                recording != null && !recording.artists().isEmpty() ? creditName(recording) : fallbackArtist;
        Optional<String> existing = guidOf(h, "songs", "recording_mbid", recordingMbid);
        String guid = existing.orElseGet(() -> UUID.randomUUID().toString());
        h.createUpdate(
                        existing.isPresent()
                                ? "UPDATE songs SET title = coalesce(:title, title), artist_name = coalesce(:artist, artist_name),"
                                        + " flavor_vector = coalesce(:flavor, flavor_vector),"
                                        + " flavor_source_blend = coalesce(:blend, flavor_source_blend),"
                                        + " status = CASE WHEN :flavor IS NULL THEN status ELSE 'FLAVOR READY' END,"
                                        + " updated_at = CURRENT_TIMESTAMP WHERE guid = :guid"
                                : "INSERT INTO songs (guid, recording_mbid, title, artist_name, flavor_vector, flavor_source_blend, status)"
                                        + " VALUES (:guid, :mbid, :title, :artist, :flavor, :blend,"
                                        + " CASE WHEN :flavor IS NULL THEN 'PENDING' ELSE 'FLAVOR READY' END)")
                .bind("guid", guid)
                .bind("mbid", recordingMbid)
                .bind("title", title)
                .bind("artist", artistName)
                .bind("flavor", json.flavor(flavor))
                .bind("blend", json.sourceBlend(flavor))
                .execute();
        if (recording != null) {
            artists(h, guid, recording);
            works(h, guid, recording);
        }
        return guid;
    }

    /** The album of a release, created or refreshed; returns its guid. */
    String album(Handle h, Release release) {
        Optional<String> existing = guidOf(h, "albums", "album_mbid", release.releaseMbid());
        String guid = existing.orElseGet(() -> UUID.randomUUID().toString());
        String title = release.title() == null ? "" : release.title();
        h.createUpdate(
                        existing.isPresent()
                                ? "UPDATE albums SET title = :title, release_date = coalesce(:date, release_date),"
                                        + " updated_at = CURRENT_TIMESTAMP WHERE guid = :guid"
                                : "INSERT INTO albums (guid, album_mbid, title, release_date) VALUES (:guid, :mbid, :title, :date)")
                .bind("guid", guid)
                .bind("mbid", release.releaseMbid())
                .bind("title", title)
                .bind("date", release.date())
                .execute();
        return guid;
    }

    /** Replaces a passage's song and album links; the song spans the whole passage (0..duration). */
    void link(Handle h, String passageGuid, long durationTicks, String songGuid, String albumGuid) {
        h.createUpdate("DELETE FROM passage_songs WHERE passage_id = :p")
                .bind("p", passageGuid)
                .execute();
        h.createUpdate("DELETE FROM passage_albums WHERE passage_id = :p")
                .bind("p", passageGuid)
                .execute();
        if (songGuid != null) {
            h.createUpdate("INSERT INTO passage_songs (passage_id, song_id, start_time_ticks, end_time_ticks)"
                            + " VALUES (:p, :s, 0, :d)")
                    .bind("p", passageGuid)
                    .bind("s", songGuid)
                    .bind("d", durationTicks)
                    .execute();
        }
        if (albumGuid != null) {
            h.createUpdate("INSERT INTO passage_albums (passage_id, album_id) VALUES (:p, :a)")
                    .bind("p", passageGuid)
                    .bind("a", albumGuid)
                    .execute();
        }
    }

    /** Equal weights summing to 1 across the credited artists; kept as they are once a song has artists (another module may edit them). */
    private void artists(Handle h, String songGuid, Recording recording) {
        Map<String, String> byMbid = new LinkedHashMap<>();
        for (ArtistCredit c : recording.artists()) {
            if (c.artistMbid() != null && !c.artistMbid().isBlank()) {
                byMbid.putIfAbsent(c.artistMbid(), c.name() == null ? "" : c.name());
            }
        }
        if (byMbid.isEmpty() || count(h, "song_artists", songGuid) > 0) {
            return;
        }
        double weight = 1.0 / byMbid.size();
        byMbid.forEach((mbid, name) -> {
            String artist = upsertNamed(h, "artists", "artist_mbid", "name", mbid, name);
            h.createUpdate("INSERT OR IGNORE INTO song_artists (song_id, artist_id, weight) VALUES (:s, :a, :w)")
                    .bind("s", songGuid)
                    .bind("a", artist)
                    .bind("w", weight)
                    .execute();
        });
    }

    private void works(Handle h, String songGuid, Recording recording) {
        String first = null;
        for (Work w : recording.works()) {
            if (w.workMbid() == null || w.workMbid().isBlank()) {
                continue;
            }
            String work =
                    upsertNamed(h, "works", "work_mbid", "title", w.workMbid(), w.title() == null ? "" : w.title());
            first = first == null ? work : first;
            h.createUpdate("INSERT OR IGNORE INTO song_works (song_id, work_id) VALUES (:s, :w)")
                    .bind("s", songGuid)
                    .bind("w", work)
                    .execute();
        }
        if (first != null) {
            h.createUpdate("UPDATE songs SET work_id = :w WHERE guid = :s AND work_id IS NULL")
                    .bind("w", first)
                    .bind("s", songGuid)
                    .execute();
        }
    }

    private static String upsertNamed(
            Handle h, String table, String mbidColumn, String nameColumn, String mbid, String name) {
        Optional<String> existing = guidOf(h, table, mbidColumn, mbid);
        String guid = existing.orElseGet(() -> UUID.randomUUID().toString());
        h.createUpdate(
                        existing.isPresent()
                                ? "UPDATE " + table + " SET " + nameColumn
                                        + " = :name, updated_at = CURRENT_TIMESTAMP WHERE guid = :guid"
                                : "INSERT INTO " + table + " (guid, " + mbidColumn + ", " + nameColumn
                                        + ") VALUES (:guid, :mbid, :name)")
                .bind("guid", guid)
                .bind("mbid", mbid)
                .bind("name", name)
                .execute();
        return guid;
    }

    private static Optional<String> guidOf(Handle h, String table, String mbidColumn, String mbid) {
        return h.createQuery("SELECT guid FROM " + table + " WHERE " + mbidColumn + " = :m LIMIT 1")
                .bind("m", mbid)
                .mapTo(String.class)
                .findOne();
    }

    private static int count(Handle h, String table, String songGuid) {
        return h.createQuery("SELECT count(*) FROM " + table + " WHERE song_id = :s")
                .bind("s", songGuid)
                .mapTo(Integer.class)
                .one();
    }

    private static String creditName(Recording r) {
        StringBuilder s = new StringBuilder();
        for (ArtistCredit c : r.artists()) {
            s.append(c.name() == null ? "" : c.name()).append(c.joinPhrase() == null ? "" : c.joinPhrase());
        }
        return s.toString().trim();
    }
}
