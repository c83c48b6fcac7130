package io.wkmp.ingest.adapters.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.wkmp.ingest.core.catalog.Release;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.ImportIssue;
import io.wkmp.ingest.core.error.Severity;
import io.wkmp.ingest.core.flavor.Flavor;
import io.wkmp.ingest.core.identification.Decision;
import io.wkmp.ingest.core.identification.EvidenceSummary;
import io.wkmp.ingest.core.identification.Identification;
import io.wkmp.ingest.core.library.FileStatus;
import io.wkmp.ingest.core.library.IdentificationUpdate;
import io.wkmp.ingest.core.library.KnownFile;
import io.wkmp.ingest.core.library.PendingPassage;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.params.Parameter;
import io.wkmp.ingest.core.port.FileTask;
import io.wkmp.ingest.core.port.ResponseCache.Kind;
import io.wkmp.ingest.core.scan.ScanDiff;
import io.wkmp.ingest.core.session.SessionRecord;
import io.wkmp.ingest.core.session.SessionState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreOperationsTest extends StoreTestBase {
    private static FileTask onDisk(String relativePath, long sizeBytes, Instant modifiedAt) {
        return new FileTask(Path.of(relativePath), relativePath, sizeBytes, modifiedAt, "FLAC");
    }

    @Test
    void findsFilesThatAreNewChangedOrUnfinished() {
        Instant t = Results.MTIME;
        store.write(List.of(Results.identified("done.flac", 1), Results.identified("changed.flac", 1)));
        KnownFile started = store.upsertFile("crashed.flac", "h1", 10, t, FileStatus.PROCESSING);
        KnownFile again = store.upsertFile("crashed.flac", "h1", 10, t, FileStatus.PROCESSING);
        assertThat(again.guid()).isEqualTo(started.guid());
        assertThat(again.modifiedAt()).isEqualTo(t);

        List<FileTask> onDisk = List.of(
                onDisk("done.flac", 1_234_567, t),
                onDisk("changed.flac", 1_234_567, t.plusSeconds(1)),
                onDisk("crashed.flac", 10, t),
                onDisk("new.flac", 5, t));
        assertThat(ScanDiff.of(store.knownFiles(), onDisk, "").todo())
                .extracting(FileTask::relativePath)
                .containsExactly("changed.flac", "crashed.flac", "new.flac");
        assertThat(store.knownFiles()).containsOnlyKeys("done.flac", "changed.flac", "crashed.flac");
        assertThat(store.knownFiles().get("crashed.flac").status()).isEqualTo(FileStatus.PROCESSING);
    }

    @Test
    void pendingIdentificationsCanBeFinishedLaterWithoutDecoding() throws Exception {
        store.write(List.of(Results.pending("Offline/x.flac", 3), Results.identified("y.flac", 1)));
        List<PendingPassage> pending = store.passagesPendingIdentification("");
        assertThat(pending).hasSize(3);
        PendingPassage second = pending.get(1);
        assertThat(second.fileRelativePath()).isEqualTo("Offline/x.flac");
        assertThat(second.passageIndex()).isEqualTo(1);
        assertThat(second.passageCount()).isEqualTo(3);
        assertThat(second.fingerprint()).isEqualTo("AQAApending1");
        assertThat(second.timing().start()).isEqualTo(100 * Results.SECOND);
        assertThat(second.tags().trackTotal()).isEqualTo(12);
        assertThat(second.tags().mbReleaseId()).isEqualTo("rel-Offline/x.flac");

        var recording = Results.recording("late");
        Release release = new Release("rel-late", "Late Album", "1999", null, List.of(), List.of());
        Identification accepted = new Identification(
                Decision.REVIEW,
                recording.recordingMbid(),
                0.7,
                new EvidenceSummary(Double.NaN, Double.NaN, 0.7, 0.7, 0.5, 0.9, List.of("fingerprint only")));
        store.updateIdentifications(List.of(
                new IdentificationUpdate(
                        second.passageGuid(), accepted, recording, release, new Flavor("local", Map.of("bpm", 120.0))),
                new IdentificationUpdate("gone", accepted, recording, release, null)));

        assertThat(store.passagesPendingIdentification(""))
                .extracting(PendingPassage::passageGuid)
                .containsExactly(pending.get(0).passageGuid(), pending.get(2).passageGuid());
        Map<String, Object> row = raw.rows("SELECT * FROM passages WHERE guid = '" + second.passageGuid() + "'")
                .get(0);
        assertThat(row)
                .containsEntry("identification_decision", "REVIEW")
                .containsEntry("recording_mbid", "rec-late")
                .containsEntry("identification_confidence", 0.7);
        assertThat(raw.text("SELECT s.title FROM passage_songs ps JOIN songs s ON s.guid = ps.song_id"
                        + " WHERE ps.passage_id = '" + second.passageGuid() + "'"))
                .isEqualTo("Song late");
        assertThat(raw.text("SELECT a.title FROM passage_albums pa JOIN albums a ON a.guid = pa.album_id"
                        + " WHERE pa.passage_id = '" + second.passageGuid() + "'"))
                .isEqualTo("Late Album");
        assertThat(raw.text("SELECT flavor_vector FROM songs WHERE recording_mbid = 'rec-late'"))
                .isEqualTo("{\"bpm\":120.0}");
    }

    @Test
    void cachesAnswerWhatWasPut() throws Exception {
        String fingerprint = "AQADtEmUaEkS".repeat(50);
        for (Kind kind : Kind.values()) {
            assertThat(store.get(kind, "release/abc")).isEmpty();
        }
        store.put(Kind.ACOUSTID, fingerprint, "{\"results\":[]}");
        store.put(Kind.MUSICBRAINZ, "release/abc?inc=recordings", "{\"id\":\"abc\"}");
        store.put(Kind.ACOUSTICBRAINZ, "rec-1", "{\"highlevel\":{}}");
        store.put(Kind.MUSICBRAINZ, "release/abc?inc=recordings", "{\"id\":\"abc\",\"v\":2}");

        assertThat(store.get(Kind.ACOUSTID, fingerprint)).contains("{\"results\":[]}");
        assertThat(store.get(Kind.MUSICBRAINZ, "release/abc?inc=recordings")).contains("{\"id\":\"abc\",\"v\":2}");
        assertThat(store.get(Kind.ACOUSTICBRAINZ, "rec-1")).contains("{\"highlevel\":{}}");
        assertThat(store.get(Kind.ACOUSTICBRAINZ, "rec-2")).isEmpty();
        assertThat(raw.text("SELECT fingerprint_hash FROM acoustid_cache"))
                .hasSize(64)
                .isEqualTo(CacheRows.sha256(fingerprint));
        assertThat(raw.text("SELECT entity_type FROM musicbrainz_cache")).isEqualTo("release");
        assertThat(raw.count("musicbrainz_cache")).isEqualTo(1);
    }

    @Test
    void parametersComeFromSettingsWithDefaultsWrittenBackAndBadValuesReported() throws Exception {
        raw.exec("INSERT INTO settings (key, value) VALUES ('silence_threshold_dbfs', 'loud'),"
                + " ('silence_min_duration_ms', '1500'), ('rms_window_ms', NULL), ('volume_level', '0.5')");
        List<String> problems = new ArrayList<>();
        store.writeMissingSettings(ImportParameters.defaults().toSettings());
        ImportParameters p = ImportParameters.fromSettings(store.readSettings(), problems::add);

        assertThat(p.decimal(Parameter.SILENCE_THRESHOLD_DBFS)).isEqualTo(-50.0);
        assertThat(p.integer(Parameter.SILENCE_MIN_DURATION_MS)).isEqualTo(1500);
        assertThat(problems).singleElement().asString().contains("silence_threshold_dbfs");
        Map<String, String> stored = store.readSettings();
        assertThat(stored)
                .containsEntry("silence_threshold_dbfs", "loud")
                .containsEntry("silence_min_duration_ms", "1500")
                .containsEntry("rms_window_ms", "50")
                .containsEntry("volume_level", "0.5")
                .containsEntry("ai_db_batch_files", "1");
        assertThat(stored.keySet())
                .containsAll(ImportParameters.defaults().toSettings().keySet());

        store.writeSettings(Map.of("silence_threshold_dbfs", "-45"));
        problems.clear();
        assertThat(ImportParameters.fromSettings(store.readSettings(), problems::add)
                        .decimal(Parameter.SILENCE_THRESHOLD_DBFS))
                .isEqualTo(-45.0);
        assertThat(problems).isEmpty();
    }

    @Test
    void sessionsAreKeptInTheHistory() throws Exception {
        Instant start = Instant.parse("2025-01-01T12:00:00Z");
        ImportIssue issue =
                new ImportIssue(ErrorCode.DECODE_ERROR, Severity.SKIP_FILE, "bad.mp3", "broken frame", start);
        store.recordSession(new SessionRecord(
                "s-1",
                SessionState.PROCESSING,
                "/music",
                Map.of("rms_window_ms", "50"),
                10,
                4,
                1,
                12,
                "Processing 4 of 10",
                List.of(issue),
                start,
                null));
        store.recordSession(new SessionRecord(
                "s-1",
                SessionState.COMPLETED,
                "/music",
                Map.of("rms_window_ms", "50"),
                10,
                10,
                1,
                30,
                null,
                List.of(issue),
                start,
                start.plusSeconds(60)));

        Map<String, Object> row = raw.rows("SELECT * FROM import_sessions").get(0);
        assertThat(row)
                .containsEntry("state", "COMPLETED")
                .containsEntry("progress_current", 10)
                .containsEntry("progress_percentage", 100.0)
                .containsEntry("passages_created", 30)
                .containsEntry("ended_at", "2025-01-01T12:01:00Z")
                .containsEntry("parameters", "{\"rms_window_ms\":\"50\"}");
        assertThat((String) row.get("errors")).contains("\"error_code\":\"DECODE_ERROR\"", "\"file_path\":\"bad.mp3\"");
        assertThat(raw.count("import_sessions")).isEqualTo(1);
    }
}
