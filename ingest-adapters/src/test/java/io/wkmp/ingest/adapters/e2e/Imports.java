package io.wkmp.ingest.adapters.e2e;

import static io.wkmp.ingest.adapters.e2e.E2eAlbum.ARTIST;
import static io.wkmp.ingest.adapters.e2e.E2eAlbum.GUEST;
import static io.wkmp.ingest.adapters.e2e.E2eAlbum.GUEST_TRACK;
import static io.wkmp.ingest.adapters.e2e.E2eAlbum.RELEASE;
import static io.wkmp.ingest.adapters.e2e.E2eAlbum.TRACKS;
import static org.assertj.core.api.Assertions.assertThat;

import io.wkmp.ingest.adapters.wiring.WkmpIngest;
import io.wkmp.ingest.core.session.SessionState;
import io.wkmp.ingest.core.session.SessionStatus;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Running a session to its end, and the database checks the end-to-end tests share. */
final class Imports {
    private Imports() {}

    /** Imports {@code folder} and waits for the session; it must complete. */
    static SessionStatus run(WkmpIngest ingest, Path folder) throws InterruptedException {
        SessionStatus s = ingest.start(folder).await(Duration.ofMinutes(4));
        assertThat(s.state()).as("session state, issues %s", s.issues()).isEqualTo(SessionState.COMPLETED);
        return s;
    }

    /** Opens a fresh wiring on {@code builder}, imports {@code folder}, closes it. */
    static SessionStatus run(WkmpIngest.Builder builder, Path folder) throws InterruptedException {
        try (WkmpIngest ingest = builder.build()) {
            return run(ingest, folder);
        }
    }

    /**
     * The album as MusicBrainz has it is in the database: the passages (in path and time order) are ACCEPTed
     * as the release's recordings in track order and linked to its album, songs carry their artists and works.
     */
    static void assertAlbumIdentified(Path root) throws SQLException {
        try (LibraryDb db = new LibraryDb(root)) {
            List<Map<String, Object>> ps = db.passages();
            assertThat(ps).hasSize(TRACKS);
            for (int i = 0; i < TRACKS; i++) {
                Map<String, Object> p = ps.get(i);
                assertThat(p.get("identification_decision"))
                        .as("passage %d evidence %s", i, p.get("identification_evidence"))
                        .isEqualTo("ACCEPT");
                assertThat(p.get("recording_mbid")).as("passage %d", i).isEqualTo(E2eAlbum.rec(i));
                assertThat(p.get("title")).isEqualTo(E2eAlbum.title(i));
                assertThat(db.count(
                                "SELECT count(*) FROM passage_albums pa JOIN albums a ON a.guid = pa.album_id"
                                        + " WHERE pa.passage_id = ? AND a.album_mbid = ?",
                                p.get("guid"),
                                RELEASE))
                        .as("album link of passage %d", i)
                        .isEqualTo(1);
                assertThat(db.count(
                                "SELECT count(*) FROM passage_songs ps JOIN songs s ON s.guid = ps.song_id"
                                        + " WHERE ps.passage_id = ? AND s.recording_mbid = ?",
                                p.get("guid"),
                                E2eAlbum.rec(i)))
                        .isEqualTo(1);
                assertThat(db.count(
                                "SELECT count(*) FROM songs s JOIN song_artists sa ON sa.song_id = s.guid"
                                        + " JOIN artists a ON a.guid = sa.artist_id WHERE s.recording_mbid = ? AND a.artist_mbid = ?",
                                E2eAlbum.rec(i),
                                i == GUEST_TRACK ? GUEST : ARTIST))
                        .as("artist of song %d", i)
                        .isEqualTo(1);
                assertThat(db.count(
                                "SELECT count(*) FROM songs s JOIN song_works sw ON sw.song_id = s.guid"
                                        + " JOIN works w ON w.guid = sw.work_id WHERE s.recording_mbid = ? AND w.work_mbid = ?",
                                E2eAlbum.rec(i),
                                E2eAlbum.work(i)))
                        .as("work of song %d", i)
                        .isEqualTo(1);
            }
            assertThat(db.rows("SELECT album_mbid, title FROM albums"))
                    .containsExactly(Map.of("album_mbid", RELEASE, "title", E2eAlbum.ALBUM));
            assertThat(db.count("SELECT count(*) FROM passage_albums")).isEqualTo(TRACKS);
            assertThat(db.count("SELECT count(*) FROM songs")).isEqualTo(TRACKS);
            assertThat(db.rows("SELECT status, flavor_source_blend, flavor_vector IS NOT NULL AS flavoured FROM songs"))
                    .as("AcousticBrainz has no data: every song gets the local flavour")
                    .hasSize(TRACKS)
                    .allSatisfy(song -> assertThat(song)
                            .containsEntry("status", "FLAVOR READY")
                            .containsEntry("flavor_source_blend", "[\"local\"]")
                            .containsEntry("flavoured", 1));
            assertThat(db.rows("SELECT name FROM artists ORDER BY name"))
                    .containsExactly(Map.of("name", E2eAlbum.ARTIST_NAME), Map.of("name", E2eAlbum.GUEST_NAME));
            assertThat(db.count("SELECT count(*) FROM works")).isEqualTo(TRACKS);
            assertThat(db.count("SELECT count(*) FROM song_artists")).isEqualTo(TRACKS);
            assertThat(db.count("SELECT count(*) FROM song_works")).isEqualTo(TRACKS);
        }
    }
}
