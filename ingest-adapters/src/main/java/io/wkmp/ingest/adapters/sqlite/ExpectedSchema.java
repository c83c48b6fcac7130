package io.wkmp.ingest.adapters.sqlite;

import static io.wkmp.ingest.adapters.sqlite.Column.created;
import static io.wkmp.ingest.adapters.sqlite.Column.integer;
import static io.wkmp.ingest.adapters.sqlite.Column.real;
import static io.wkmp.ingest.adapters.sqlite.Column.text;
import static io.wkmp.ingest.adapters.sqlite.Table.index;

import java.util.List;

/**
 * The tables, columns and indexes wkmp-ai needs (wkmp-reference §1, decisions.md "Data"), as data: it drives
 * both CREATE TABLE and the PRAGMA table_info sync. The library's tables are {@link LibraryTables}; here are the
 * import's own (settings, caches, history, waveforms) and the order of creation. Extra columns of ours: files.tags, passages.fingerprint,
 * passages.fade_in_end_ticks, passages.identification_*, import_sessions.files_skipped/passages_created; table
 * file_waveforms (the segment editor's waveform cells, stored at import).
 */
final class ExpectedSchema {
    /** The WKMP schema version these tables and {@link Migrations} correspond to. */
    static final int VERSION = 4;

    static final List<Table> TABLES = List.of(
            new Table(
                    "schema_version",
                    List.of(integer("version").with("PRIMARY KEY"), created("applied_at")),
                    List.of(),
                    List.of()),
            new Table(
                    "settings",
                    List.of(text("key").with("PRIMARY KEY"), text("value"), created("updated_at")),
                    List.of(),
                    List.of()),
            LibraryTables.files(),
            LibraryTables.passages(),
            LibraryTables.songs(),
            LibraryTables.artists(),
            LibraryTables.works(),
            LibraryTables.albums(),
            LibraryTables.link(
                    "passage_songs",
                    "passage_id",
                    "passages",
                    "song_id",
                    "songs",
                    integer("start_time_ticks").required().with("CHECK (start_time_ticks >= 0)"),
                    integer("end_time_ticks").required()),
            LibraryTables.link("passage_albums", "passage_id", "passages", "album_id", "albums"),
            LibraryTables.link(
                    "song_artists",
                    "song_id",
                    "songs",
                    "artist_id",
                    "artists",
                    real("weight").required().with("CHECK (weight > 0 AND weight <= 1)")),
            LibraryTables.link("song_works", "song_id", "songs", "work_id", "works"),
            LibraryTables.images(),
            new Table(
                    "file_waveforms",
                    List.of(
                            text("file_id").with("PRIMARY KEY REFERENCES files(guid) ON DELETE CASCADE"),
                            integer("sample_rate").required(),
                            integer("frames_per_cell").required(),
                            integer("frames").required(),
                            Column.of("cells", "BLOB").required()),
                    List.of(),
                    List.of()),
            new Table(
                    "acoustid_cache",
                    List.of(
                            text("fingerprint_hash").with("PRIMARY KEY CHECK (length(fingerprint_hash) = 64)"),
                            text("mbid").required().dflt("''"),
                            text("response"),
                            text("cached_at").required().dflt("(datetime('now'))")),
                    List.of(),
                    List.of(index("acoustid_cache", "cached_at"))),
            new Table(
                    "musicbrainz_cache",
                    List.of(
                            text("mbid").with("PRIMARY KEY"),
                            text("entity_type").required().dflt("'other'"),
                            text("metadata").required(),
                            created("cached_at")),
                    List.of(),
                    List.of(index("musicbrainz_cache", "cached_at"))),
            new Table(
                    "acousticbrainz_cache",
                    List.of(
                            text("recording_mbid").with("PRIMARY KEY"),
                            text("high_level_data").required(),
                            created("cached_at")),
                    List.of(),
                    List.of()),
            new Table(
                    "import_sessions",
                    List.of(
                            text("session_id").with("PRIMARY KEY"),
                            text("state").required(),
                            text("root_folder").required(),
                            text("parameters").required().dflt("'{}'"),
                            integer("progress_current"),
                            integer("progress_total"),
                            real("progress_percentage"),
                            text("current_operation"),
                            text("errors"),
                            text("started_at"),
                            text("ended_at"),
                            integer("files_skipped"),
                            integer("passages_created")),
                    List.of(),
                    List.of(index("import_sessions", "started_at"))));

    private ExpectedSchema() {}
}
