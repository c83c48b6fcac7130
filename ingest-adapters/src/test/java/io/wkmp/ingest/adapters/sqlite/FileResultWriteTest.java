package io.wkmp.ingest.adapters.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wkmp.ingest.core.error.CriticalIngestException;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.library.FileImport;
import io.wkmp.ingest.core.library.FileStatus;
import io.wkmp.ingest.core.library.PassageImport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileResultWriteTest extends StoreTestBase {
    @Test
    void writesTheWholeResultOfAFile() throws Exception {
        store.write(List.of(Results.identified("Rock/Album/a.flac", 3)));

        Map<String, Object> file = raw.rows("SELECT * FROM files").get(0);
        assertThat(file)
                .containsEntry("path", "Rock/Album/a.flac")
                .containsEntry("status", "INGEST COMPLETE")
                .containsEntry("format", "FLAC")
                .containsEntry("sample_rate", 44_100)
                .containsEntry("file_size_bytes", 1_234_567)
                .containsEntry("modification_time", "2024-05-01T10:15:30.123Z")
                .containsEntry("hash", "sha-Rock/Album/a.flac");
        assertThat(((Number) file.get("duration_ticks")).longValue())
                .as("the decoded duration, not the container's or the tags'")
                .isEqualTo(Results.DURATION);
        List<Map<String, Object>> passages = raw.rows("SELECT * FROM passages ORDER BY start_time_ticks");
        assertThat(passages).hasSize(3);
        Map<String, Object> second = passages.get(1);
        long start = 62 * Results.SECOND;
        assertThat(((Number) second.get("start_time_ticks")).longValue()).isEqualTo(start);
        assertThat(((Number) second.get("end_time_ticks")).longValue()).isEqualTo(start + 60 * Results.SECOND);
        assertThat(((Number) second.get("lead_in_start_ticks")).longValue()).isEqualTo(start + Results.SECOND);
        assertThat(((Number) second.get("lead_out_start_ticks")).longValue()).isEqualTo(start + 58 * Results.SECOND);
        assertThat(((Number) second.get("fade_in_start_ticks")).longValue()).isEqualTo(start);
        assertThat(((Number) second.get("fade_in_end_ticks")).longValue()).isEqualTo(start + 2 * Results.SECOND);
        assertThat(((Number) second.get("fade_out_start_ticks")).longValue()).isEqualTo(start + 55 * Results.SECOND);
        assertThat(second)
                .containsEntry("fingerprint", "AQAAfp1")
                .containsEntry("identification_decision", "ACCEPT")
                .containsEntry("recording_mbid", "rec-Rock/Album/a.flac#1")
                .containsEntry("status", "INGEST COMPLETE");

        JsonNode evidence = new ObjectMapper().readTree((String) second.get("identification_evidence"));
        assertThat(evidence.get("decision").asText()).isEqualTo("ACCEPT");
        assertThat(evidence.get("fingerprint_mean").asDouble()).isEqualTo(0.95);
        assertThat(evidence.get("duration").isNull()).isTrue();
        assertThat(evidence.get("reasons").get(1).asText()).isEqualTo("track list fits");
        JsonNode breakdown = evidence.get("breakdown");
        assertThat(breakdown).hasSize(2);
        assertThat(breakdown.get(0).get("name").asText()).isEqualTo("fingerprint");
        assertThat(breakdown.get(0).get("weight").asDouble()).isEqualTo(0.6);
        assertThat(breakdown.get(0).get("value").asDouble()).isEqualTo(0.95);
        assertThat(breakdown.get(1).get("weight").isNull())
                .as("a rule has no weight")
                .isTrue();
        assertThat(breakdown.get(1).get("reason").asText()).isEqualTo("accepted on the fingerprint");
        JsonNode metadata = new ObjectMapper().readTree((String) second.get("import_metadata"));
        assertThat(metadata.at("/amplitude/peak_dbfs").asDouble()).isEqualTo(-3.5);

        assertThat(raw.count("songs")).isEqualTo(3);
        assertThat(raw.text("SELECT status FROM songs LIMIT 1")).isEqualTo("FLAVOR READY");
        assertThat(raw.text("SELECT flavor_source_blend FROM songs LIMIT 1")).isEqualTo("[\"AcousticBrainz\"]");
        assertThat(raw.number("SELECT count(*) FROM passages p JOIN songs s ON s.guid = p.song_id"))
                .isEqualTo(3);
        assertThat(raw.rows("SELECT ps.start_time_ticks, ps.end_time_ticks FROM passage_songs ps"))
                .allSatisfy(
                        r -> assertThat(r).containsEntry("start_time_ticks", 0).containsEntry("end_time_ticks", (int)
                                (60 * Results.SECOND)));
        assertThat(raw.count("albums")).isEqualTo(1);
        assertThat(raw.count("passage_albums")).isEqualTo(3);
        assertThat(raw.count("artists")).isEqualTo(2);
        assertThat(raw.rows("SELECT sum(weight) AS w FROM song_artists GROUP BY song_id"))
                .hasSize(3)
                .allSatisfy(r -> assertThat((Double) r.get("w")).isEqualTo(1.0));
        assertThat(raw.count("works")).isEqualTo(3);
        assertThat(raw.count("song_works")).isEqualTo(3);
        assertThat(raw.rows("SELECT i.file_path, i.image_type FROM images i JOIN albums a ON a.guid = i.entity_id"))
                .containsExactly(Map.of("file_path", "Rock/Album/cover.jpg", "image_type", "album_front"));
    }

    @Test
    void aFailureHalfwayLeavesNoRowOfThatFile() throws Exception {
        raw.exec("CREATE TRIGGER poison BEFORE INSERT ON passages WHEN NEW.title = 'poison'"
                + " BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
        FileImport good = Results.identified("a.flac", 3);
        List<PassageImport> passages = new ArrayList<>(good.passages());
        PassageImport last = passages.get(2);
        passages.set(
                2,
                new PassageImport(
                        last.timing(),
                        "poison",
                        last.artist(),
                        last.album(),
                        last.fingerprint(),
                        last.identification(),
                        last.recording(),
                        last.release(),
                        last.flavor(),
                        last.amplitude()));
        FileImport poisoned = Results.file("a.flac", FileStatus.INGEST_COMPLETE, passages, good.images());

        assertThatThrownBy(() -> store.write(List.of(poisoned)))
                .isInstanceOf(CriticalIngestException.class)
                .hasMessageContaining("injected failure")
                .satisfies(e -> assertThat(((CriticalIngestException) e).code()).isEqualTo(ErrorCode.DB_WRITE_FAILED));
        for (String table : List.of(
                "files",
                "passages",
                "songs",
                "albums",
                "artists",
                "works",
                "passage_songs",
                "passage_albums",
                "song_artists",
                "images")) {
            assertThat(raw.count(table)).as(table).isZero();
        }

        // a batch fails as a whole, and an earlier complete result of the same file survives a failed rewrite
        store.write(List.of(Results.identified("a.flac", 2)));
        assertThatThrownBy(() -> store.write(List.of(Results.identified("b.flac", 1), poisoned)))
                .isInstanceOf(CriticalIngestException.class);
        assertThat(raw.count("files")).isEqualTo(1);
        assertThat(raw.count("passages")).isEqualTo(2);
        assertThat(raw.count("files WHERE path = 'b.flac'")).isZero();
        store.write(List.of(Results.identified("b.flac", 1)));
        assertThat(raw.count("files")).isEqualTo(2);
    }

    @Test
    void rewritingAFileReplacesItsPassagesWithoutDuplicates() throws Exception {
        store.write(List.of(Results.identified("a.flac", 3)));
        List<Object> firstGuids = raw.rows("SELECT guid FROM passages ORDER BY start_time_ticks").stream()
                .map(r -> r.get("guid"))
                .collect(java.util.stream.Collectors.toList());
        String fileGuid = raw.text("SELECT guid FROM files");

        store.write(List.of(Results.identified("a.flac", 3)));
        assertThat(raw.count("passages")).isEqualTo(3);
        assertThat(raw.count("passage_songs")).isEqualTo(3);
        assertThat(raw.count("songs")).isEqualTo(3);
        assertThat(raw.count("images")).isEqualTo(1);

        store.write(List.of(Results.identified("a.flac", 2)));
        assertThat(raw.text("SELECT guid FROM files")).isEqualTo(fileGuid);
        assertThat(raw.rows("SELECT guid FROM passages ORDER BY start_time_ticks").stream()
                        .map(r -> r.get("guid")))
                .containsExactly(firstGuids.get(0), firstGuids.get(1));
        assertThat(raw.count("passage_songs")).isEqualTo(2);
        assertThat(raw.count("passage_albums")).isEqualTo(2);
        assertThat(raw.count("songs")).isEqualTo(3);
        assertThat(raw.count("files")).isEqualTo(1);
    }

    @Test
    void sameHashFilesAreLinkedBothWays() throws Exception {
        store.write(List.of(Results.identified("a.flac", 1)));
        FileImport a = Results.identified("a.flac", 1);
        FileImport copy = new FileImport(
                "copy/a.flac",
                a.sha256(),
                a.sizeBytes(),
                a.modifiedAt(),
                null,
                -1,
                null,
                FileStatus.DUPLICATE_HASH,
                null,
                List.of(),
                List.of(),
                "a.flac");
        store.write(List.of(copy));

        String original = raw.text("SELECT guid FROM files WHERE path = 'a.flac'");
        String duplicate = raw.text("SELECT guid FROM files WHERE path = 'copy/a.flac'");
        assertThat(raw.text("SELECT status FROM files WHERE guid = '" + duplicate + "'"))
                .isEqualTo("DUPLICATE HASH");
        assertThat(raw.text("SELECT duration_ticks FROM files WHERE guid = '" + duplicate + "'"))
                .as("never decoded: the original's decoded duration")
                .isEqualTo(Long.toString(Results.DURATION));
        assertThat(raw.text("SELECT matching_hashes FROM files WHERE guid = '" + duplicate + "'"))
                .isEqualTo("[\"" + original + "\"]");
        assertThat(raw.text("SELECT matching_hashes FROM files WHERE guid = '" + original + "'"))
                .isEqualTo("[\"" + duplicate + "\"]");
        assertThat(store.findCompleteByHash(a.sha256()))
                .get()
                .extracting(k -> k.relativePath())
                .isEqualTo("a.flac");

        store.write(List.of(copy));
        assertThat(raw.text("SELECT matching_hashes FROM files WHERE guid = '" + original + "'"))
                .isEqualTo("[\"" + duplicate + "\"]");
        store.removeFiles(List.of("a.flac"));
        assertThat(raw.count("files")).isEqualTo(1);
        assertThat(raw.count("passages")).isZero();
        assertThat(raw.count("passage_songs")).isZero();
    }
}
