package io.wkmp.ingest.adapters.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wkmp.ingest.core.library.StoredFile;
import io.wkmp.ingest.core.passage.PassageTiming;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteLibraryQueriesTest {
    private static final long S = 28_224_000L;

    @TempDir
    Path dir;

    private Jdbi jdbi;
    private SqliteLibraryQueries queries;

    @BeforeEach
    void database() {
        Path db = dir.resolve("wkmp.db");
        jdbi = Jdbi.create("jdbc:sqlite:" + db);
        // the columns the store creates that these queries read (the store's own schema is tested with the store)
        jdbi.useHandle(h -> {
            h.execute(
                    "CREATE TABLE files (guid TEXT PRIMARY KEY, path TEXT NOT NULL UNIQUE, hash TEXT NOT NULL, duration_ticks INTEGER,"
                            + " format TEXT, sample_rate INTEGER, channels INTEGER, status TEXT, artist TEXT, title TEXT, album TEXT)");
            h.execute("CREATE TABLE passages (guid TEXT PRIMARY KEY, file_id TEXT NOT NULL REFERENCES files(guid),"
                    + " start_time_ticks INTEGER NOT NULL, end_time_ticks INTEGER NOT NULL, lead_in_start_ticks INTEGER,"
                    + " lead_out_start_ticks INTEGER, fade_in_start_ticks INTEGER, fade_in_end_ticks INTEGER,"
                    + " fade_out_start_ticks INTEGER, title TEXT, artist TEXT, album TEXT, recording_mbid TEXT, fingerprint TEXT,"
                    + " identification_decision TEXT, identification_confidence REAL, identification_evidence TEXT,"
                    + " import_metadata TEXT, updated_at TEXT)");
            h.execute(
                    "INSERT INTO files VALUES ('f1', 'Album/side_a.flac', 'h', ?, 'FLAC', 44100, 2, 'INGEST COMPLETE',"
                            + " 'A', 'Side A', 'Album')",
                    30 * S);
            h.execute(
                    "INSERT INTO files VALUES ('f2', 'Album_2/x.mp3', 'h2', NULL, 'MP3', 44100, 2, 'PENDING', NULL, NULL, NULL)");
            h.execute(
                    "INSERT INTO passages (guid, file_id, start_time_ticks, end_time_ticks, lead_in_start_ticks, title,"
                            + " identification_decision, identification_confidence, identification_evidence)"
                            + " VALUES ('p2', 'f1', ?, ?, NULL, 'Two', 'REVIEW', 0.7, '{\"fingerprint\":0.7}')",
                    12 * S,
                    30 * S);
            h.execute(
                    "INSERT INTO passages (guid, file_id, start_time_ticks, end_time_ticks, lead_in_start_ticks, title)"
                            + " VALUES ('p1', 'f1', 0, ?, ?, 'One')",
                    10 * S,
                    S);
        });
        queries = new SqliteLibraryQueries(jdbi);
    }

    @Test
    void readsAFileWithItsPassagesInOrder() {
        StoredFile f = queries.file("Album/side_a.flac").orElseThrow();
        assertThat(f.durationTicks()).isEqualTo(30 * S);
        assertThat(f.passages()).extracting(p -> p.guid()).containsExactly("p1", "p2");
        assertThat(f.passages().get(0).timing().leadIn()).isEqualTo(S);
        assertThat(f.passages().get(0).confidence()).isNull();
        assertThat(f.passages().get(1).confidence()).isEqualTo(0.7);
        assertThat(f.passages().get(1).evidenceJson()).isEqualTo("{\"fingerprint\":0.7}");
        assertThat(queries.file("nope.flac")).isEmpty();
    }

    @Test
    void listsFilesByPrefixTakingUnderscoreLiterally() {
        assertThat(queries.files("", 10))
                .extracting(f -> f.relativePath())
                .containsExactly("Album/side_a.flac", "Album_2/x.mp3");
        assertThat(queries.files("Album_", 10))
                .extracting(f -> f.relativePath())
                .containsExactly("Album_2/x.mp3");
        assertThat(queries.files("Album/", 10).get(0).passageCount()).isEqualTo(2);
        assertThat(queries.files("Album_2", 10).get(0).durationTicks()).isEqualTo(-1);
    }

    @Test
    void updatesTimingsAtomically() {
        queries.updatePassageTimings(
                "Album/side_a.flac",
                Map.of(
                        "p1",
                        new PassageTiming(0, 11 * S, S, 9 * S, null, null, null),
                        "p2",
                        PassageTiming.bounds(11 * S, 29 * S)));
        List<Long> ticks =
                jdbi.withHandle(h -> h.createQuery("SELECT end_time_ticks FROM passages ORDER BY start_time_ticks")
                        .mapTo(Long.class)
                        .list());
        assertThat(ticks).containsExactly(11 * S, 29 * S);
        assertThat(queries.file("Album/side_a.flac")
                        .orElseThrow()
                        .passages()
                        .get(0)
                        .timing()
                        .leadOut())
                .isEqualTo(9 * S);
    }

    @Test
    void refusesOverlapsAndUnknownsWithoutWriting() {
        assertThatThrownBy(() -> queries.updatePassageTimings(
                        "Album/side_a.flac", Map.of("p1", PassageTiming.bounds(0, 13 * S))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not overlap");
        assertThatThrownBy(() -> queries.updatePassageTimings(
                        "Album/side_a.flac", Map.of("p2", PassageTiming.bounds(12 * S, 31 * S))))
                .hasMessageContaining("after the end of the file");
        assertThatThrownBy(() ->
                        queries.updatePassageTimings("Album/side_a.flac", Map.of("zz", PassageTiming.bounds(0, S))))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> queries.updatePassageTimings("none.flac", Map.of()))
                .isInstanceOf(NoSuchElementException.class);
        assertThat(queries.file("Album/side_a.flac")
                        .orElseThrow()
                        .passages()
                        .get(0)
                        .timing()
                        .end())
                .isEqualTo(10 * S);
    }
}
