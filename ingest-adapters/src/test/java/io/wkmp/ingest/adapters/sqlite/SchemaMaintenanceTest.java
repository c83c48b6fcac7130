package io.wkmp.ingest.adapters.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMaintenanceTest {
    @TempDir
    Path root;

    @Test
    void freshFolderGetsCompleteDatabaseAndSecondStartChangesNothing() throws Exception {
        Path folder = root.resolve("Music");
        List<String> firstChanges;
        try (SqliteLibraryStore store = SqliteLibraryStore.open(folder)) {
            firstChanges = store.schemaChanges();
        }
        Path db = folder.resolve("wkmp.db");
        assertThat(db).exists();
        assertThat(firstChanges)
                .contains("created table files", "created table passages", "created table import_sessions")
                .anyMatch(c -> c.startsWith("migration 4"));
        String before;
        try (RawDb raw = new RawDb(db)) {
            for (Table t : ExpectedSchema.TABLES) {
                Set<String> actual = raw.rows("PRAGMA table_info(" + t.name() + ")").stream()
                        .map(r -> (String) r.get("name"))
                        .collect(Collectors.toSet());
                assertThat(actual)
                        .as(t.name())
                        .containsAll(t.columns().stream().map(Column::name).collect(Collectors.toList()));
            }
            assertThat(raw.text("PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(raw.number("SELECT max(version) FROM schema_version")).isEqualTo(ExpectedSchema.VERSION);
            assertThat(raw.count("sqlite_master WHERE type = 'index' AND name = 'idx_passages_file_id'"))
                    .isEqualTo(1);
            before = raw.schemaDump();
        }
        try (SqliteLibraryStore again = SqliteLibraryStore.open(folder)) {
            assertThat(again.schemaChanges()).isEmpty();
        }
        try (RawDb raw = new RawDb(db)) {
            assertThat(raw.schemaDump()).isEqualTo(before);
            assertThat(raw.count("schema_version")).isEqualTo(4);
        }
    }

    @Test
    void olderLayoutIsRepairedWithItsDataKept() throws Exception {
        Path db = root.resolve("wkmp.db");
        try (RawDb raw = new RawDb(db)) {
            raw.exec(
                    "CREATE TABLE files (guid TEXT PRIMARY KEY, path TEXT NOT NULL UNIQUE, hash TEXT NOT NULL,"
                            + " duration REAL, modification_time TIMESTAMP NOT NULL, status TEXT DEFAULT 'PENDING')",
                    "CREATE TABLE passages (guid TEXT PRIMARY KEY, file_id TEXT NOT NULL REFERENCES files(guid) ON DELETE CASCADE,"
                            + " start_time_ticks INTEGER NOT NULL DEFAULT 0, end_time_ticks INTEGER NOT NULL, title TEXT)",
                    "CREATE TABLE songs (guid TEXT PRIMARY KEY, recording_mbid TEXT NOT NULL UNIQUE)",
                    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)",
                    "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)",
                    "INSERT INTO schema_version (version) VALUES (1), (2)",
                    "INSERT INTO files VALUES ('f1', 'Rock/a.flac', 'abc', 2.5, '2020-01-01 00:00:00', 'INGEST COMPLETE')",
                    "INSERT INTO passages VALUES ('p1', 'f1', 0, 70560000, 'Old Song')",
                    "INSERT INTO songs VALUES ('s1', 'rec-old')",
                    "INSERT INTO settings VALUES ('volume_level', '0.5')");
        }
        List<String> changes;
        try (SqliteLibraryStore store = SqliteLibraryStore.openFile(db, SqliteOptions.defaults())) {
            changes = store.schemaChanges();
            store.write(List.of(Results.identified("Pop/b.flac", 2)));
        }
        assertThat(changes)
                .contains(
                        "created table albums",
                        "created table passage_songs",
                        "added column passages.fade_in_end_ticks INTEGER",
                        "added column passages.lead_in_start_ticks INTEGER",
                        "added column passages.fingerprint TEXT",
                        "added column passages.identification_evidence TEXT",
                        "added column songs.base_probability REAL NOT NULL DEFAULT 1.0")
                .anyMatch(c -> c.startsWith("filled passages.created_at with CURRENT_TIMESTAMP on 1 rows"))
                .anyMatch(c -> c.startsWith("migration 3")
                        && c.contains("converted files.duration to duration_ticks on 1 rows"));
        try (RawDb raw = new RawDb(db)) {
            Map<String, Object> file =
                    raw.rows("SELECT * FROM files WHERE guid = 'f1'").get(0);
            assertThat(file)
                    .containsEntry("path", "Rock/a.flac")
                    .containsEntry("hash", "abc")
                    .containsEntry("duration", 2.5)
                    .containsEntry("status", "INGEST COMPLETE");
            assertThat(((Number) file.get("duration_ticks")).longValue()).isEqualTo(70_560_000L);
            Map<String, Object> passage =
                    raw.rows("SELECT * FROM passages WHERE guid = 'p1'").get(0);
            assertThat(passage)
                    .containsEntry("title", "Old Song")
                    .containsEntry("end_time_ticks", 70_560_000)
                    .containsEntry("fade_in_end_ticks", null)
                    .containsEntry("decode_status", "pending");
            assertThat(passage.get("created_at")).isNotNull();
            assertThat(raw.number("SELECT base_probability FROM songs WHERE guid = 's1'"))
                    .isEqualTo(1);
            assertThat(raw.text("SELECT value FROM settings WHERE key = 'volume_level'"))
                    .isEqualTo("0.5");
            assertThat(raw.rows("SELECT version FROM schema_version ORDER BY version"))
                    .hasSize(4);
            assertThat(raw.count("passages")).isEqualTo(3);
            assertThat(raw.count("files")).isEqualTo(2);
        }
        try (SqliteLibraryStore again = SqliteLibraryStore.openFile(db, SqliteOptions.defaults())) {
            assertThat(again.schemaChanges()).isEmpty();
        }
    }

    @Test
    void databaseAnotherModuleCreatedIsAcceptedAsIs() throws Exception {
        Set<String> ours = Set.of(
                "tags",
                "fingerprint",
                "fade_in_end_ticks",
                "identification_decision",
                "identification_confidence",
                "identification_evidence",
                "files_skipped",
                "passages_created");
        Path db = root.resolve("wkmp.db");
        try (RawDb raw = new RawDb(db)) {
            raw.exec("PRAGMA journal_mode = WAL");
            for (Table t : ExpectedSchema.TABLES) {
                List<Column> theirs = t.columns().stream()
                        .filter(c -> !ours.contains(c.name()))
                        .collect(Collectors.toList());
                List<Column> withExtra = new java.util.ArrayList<>(theirs);
                withExtra.add(Column.of("module_note", "TEXT").dflt("'theirs'"));
                List<String> checks = t.constraints().stream()
                        .filter(c -> ours.stream().noneMatch(c::contains))
                        .collect(Collectors.toList());
                raw.exec(new Table(t.name(), withExtra, checks, List.of()).createSql());
            }
            raw.exec(
                    "CREATE TABLE users (guid TEXT PRIMARY KEY, username TEXT NOT NULL)",
                    "INSERT INTO users VALUES ('00000000-0000-0000-0000-000000000001', 'Anonymous')",
                    "INSERT INTO schema_version (version) VALUES (1), (2), (3), (4)",
                    "INSERT INTO files (guid, path, hash, modification_time, module_note) VALUES ('f1', 'x.mp3', 'h', 'now', 'kept')",
                    "INSERT INTO passages (guid, file_id, start_time_ticks, end_time_ticks, decode_status)"
                            + " VALUES ('p1', 'f1', 0, 100, 'successful')");
        }
        List<String> changes;
        try (SqliteLibraryStore store = SqliteLibraryStore.openFile(db, SqliteOptions.defaults())) {
            changes = store.schemaChanges();
            store.write(List.of(Results.identified("y.flac", 1)));
        }
        assertThat(changes)
                .allMatch(c -> c.startsWith("added column") || c.startsWith("created index"))
                .anyMatch(c -> c.equals("added column passages.fingerprint TEXT"));
        try (RawDb raw = new RawDb(db)) {
            assertThat(raw.text("SELECT module_note FROM files WHERE guid = 'f1'"))
                    .isEqualTo("kept");
            assertThat(raw.text("SELECT module_note FROM files WHERE path = 'y.flac'"))
                    .isEqualTo("theirs");
            assertThat(raw.text("SELECT decode_status FROM passages WHERE guid = 'p1'"))
                    .isEqualTo("successful");
            assertThat(raw.text("SELECT username FROM users")).isEqualTo("Anonymous");
            assertThat(raw.count("schema_version")).isEqualTo(4);
            assertThat(raw.count("passages")).isEqualTo(2);
        }
    }
}
