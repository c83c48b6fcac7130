package io.wkmp.ingest.adapters.sqlite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The tables, columns and indexes wkmp-ai needs (wkmp-reference §1, decisions.md "Data"), as data: it drives
 * both CREATE TABLE and the PRAGMA table_info sync. Extra columns of ours: files.tags, passages.fingerprint,
 * passages.fade_in_end_ticks, passages.identification_*, import_sessions.files_skipped/passages_created; table
 * file_waveforms (the segment editor's waveform cells, stored at import).
 */
final class ExpectedSchema {
    /** The WKMP schema version these tables and {@link Migrations} correspond to. */
    static final int VERSION = 4;

    static final List<Table> TABLES = List.of(
            table(
                    "schema_version",
                    cols(integer("version").with("PRIMARY KEY"), created("applied_at")),
                    List.of(),
                    List.of()),
            table(
                    "settings",
                    cols(text("key").with("PRIMARY KEY"), text("value"), created("updated_at")),
                    List.of(),
                    List.of()),
            files(),
            passages(),
            songs(),
            artists(),
            works(),
            albums(),
            link(
                    "passage_songs",
                    "passage_id",
                    "passages",
                    "song_id",
                    "songs",
                    integer("start_time_ticks").required().with("CHECK (start_time_ticks >= 0)"),
                    integer("end_time_ticks").required()),
            link("passage_albums", "passage_id", "passages", "album_id", "albums"),
            link(
                    "song_artists",
                    "song_id",
                    "songs",
                    "artist_id",
                    "artists",
                    real("weight").required().with("CHECK (weight > 0 AND weight <= 1)")),
            link("song_works", "song_id", "songs", "work_id", "works"),
            images(),
            table(
                    "file_waveforms",
                    cols(
                            text("file_id").with("PRIMARY KEY REFERENCES files(guid) ON DELETE CASCADE"),
                            integer("sample_rate").required(),
                            integer("frames_per_cell").required(),
                            integer("frames").required(),
                            Column.of("cells", "BLOB").required()),
                    List.of(),
                    List.of()),
            table(
                    "acoustid_cache",
                    cols(
                            text("fingerprint_hash").with("PRIMARY KEY CHECK (length(fingerprint_hash) = 64)"),
                            text("mbid").required().dflt("''"),
                            text("response"),
                            text("cached_at").required().dflt("(datetime('now'))")),
                    List.of(),
                    List.of(index("acoustid_cache", "cached_at"))),
            table(
                    "musicbrainz_cache",
                    cols(
                            text("mbid").with("PRIMARY KEY"),
                            text("entity_type").required().dflt("'other'"),
                            text("metadata").required(),
                            created("cached_at")),
                    List.of(),
                    List.of(index("musicbrainz_cache", "cached_at"))),
            table(
                    "acousticbrainz_cache",
                    cols(
                            text("recording_mbid").with("PRIMARY KEY"),
                            text("high_level_data").required(),
                            created("cached_at")),
                    List.of(),
                    List.of()),
            table(
                    "import_sessions",
                    cols(
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

    private static Table files() {
        return table(
                "files",
                cols(
                        pk(),
                        text("path").required().with("UNIQUE"),
                        text("hash").required().dflt("''"),
                        integer("duration_ticks"),
                        text("format"),
                        integer("sample_rate"),
                        integer("channels"),
                        integer("file_size_bytes"),
                        text("modification_time").required().dflt("''"),
                        text("status")
                                .dflt("'PENDING'")
                                .with("CHECK (status IN ('PENDING', 'PROCESSING', 'INGEST COMPLETE',"
                                        + " 'DUPLICATE HASH', 'NO AUDIO'))"),
                        text("matching_hashes"),
                        text("artist"),
                        text("title"),
                        text("album"),
                        integer("track_number"),
                        integer("year"),
                        text("tags"),
                        created("created_at"),
                        created("updated_at")),
                List.of(),
                List.of(index("files", "path"), index("files", "hash"), index("files", "status")));
    }

    private static Table passages() {
        String[] points = {
            "fade_in_start_ticks",
            "fade_in_end_ticks",
            "lead_in_start_ticks",
            "lead_out_start_ticks",
            "fade_out_start_ticks"
        };
        List<String> checks = new ArrayList<>(List.of("CHECK (end_time_ticks > start_time_ticks)"));
        for (String p : points) {
            checks.add("CHECK (" + p + " IS NULL OR " + p + " BETWEEN start_time_ticks AND end_time_ticks)");
        }
        checks.add(
                "CHECK (fade_in_start_ticks IS NULL OR fade_out_start_ticks IS NULL OR fade_in_start_ticks <= fade_out_start_ticks)");
        checks.add(
                "CHECK (lead_in_start_ticks IS NULL OR lead_out_start_ticks IS NULL OR lead_in_start_ticks <= lead_out_start_ticks)");
        return table(
                "passages",
                cols(
                        pk(),
                        text("file_id").required().with("REFERENCES files(guid) ON DELETE CASCADE"),
                        integer("start_time_ticks").required().dflt("0").with("CHECK (start_time_ticks >= 0)"),
                        integer("end_time_ticks").required(),
                        integer("lead_in_start_ticks"),
                        integer("lead_out_start_ticks"),
                        integer("fade_in_start_ticks"),
                        integer("fade_in_end_ticks"),
                        integer("fade_out_start_ticks"),
                        text("fade_in_curve"),
                        text("fade_out_curve"),
                        text("title"),
                        text("user_title"),
                        text("artist"),
                        text("album"),
                        text("recording_mbid"),
                        text("song_id"),
                        text("musical_flavor_vector"),
                        text("import_metadata"),
                        text("additional_metadata"),
                        text("decode_status")
                                .dflt("'pending'")
                                .with("CHECK (decode_status IN ('pending', 'successful',"
                                        + " 'unsupported_codec', 'failed'))"),
                        text("status").dflt("'PENDING'").with("CHECK (status IN ('PENDING', 'INGEST COMPLETE'))"),
                        text("fingerprint"),
                        text("identification_decision"),
                        real("identification_confidence"),
                        text("identification_evidence"),
                        created("created_at"),
                        created("updated_at")),
                checks,
                List.of(
                        index("passages", "file_id"),
                        index("passages", "title"),
                        index("passages", "decode_status"),
                        index("passages", "identification_decision")));
    }

    private static Table songs() {
        return table(
                "songs",
                cols(
                        pk(),
                        text("recording_mbid").required().with("UNIQUE"),
                        text("work_id"),
                        text("related_songs"),
                        text("lyrics"),
                        real("base_probability").required().dflt("1.0"),
                        integer("min_cooldown").required().dflt("604800"),
                        integer("ramping_cooldown").required().dflt("1209600"),
                        text("last_played_at"),
                        text("status").dflt("'PENDING'"),
                        text("title"),
                        text("artist_name"),
                        text("flavor_vector"),
                        text("flavor_source_blend"),
                        created("created_at"),
                        created("updated_at")),
                List.of(),
                List.of(index("songs", "recording_mbid"), index("songs", "last_played_at")));
    }

    private static Table artists() {
        return playable("artists", "artist_mbid", "name", "7200", "14400");
    }

    private static Table works() {
        return playable("works", "work_mbid", "title", "259200", "604800");
    }

    /** An entity the selection algorithm plays (artist, work): MBID, name, probability and cooldowns in seconds. */
    private static Table playable(
            String name, String mbidColumn, String nameColumn, String minCooldown, String rampingCooldown) {
        return table(
                name,
                cols(
                        pk(),
                        text(mbidColumn).required().with("UNIQUE"),
                        text(nameColumn).required(),
                        real("base_probability").required().dflt("1.0"),
                        integer("min_cooldown").required().dflt(minCooldown),
                        integer("ramping_cooldown").required().dflt(rampingCooldown),
                        text("last_played_at"),
                        created("created_at"),
                        created("updated_at")),
                List.of(),
                List.of(index(name, mbidColumn), index(name, "last_played_at")));
    }

    private static Table albums() {
        return table(
                "albums",
                cols(
                        pk(),
                        text("album_mbid").required().with("UNIQUE"),
                        text("title").required(),
                        text("release_date"),
                        created("created_at"),
                        created("updated_at")),
                List.of(),
                List.of(index("albums", "album_mbid")));
    }

    private static Table images() {
        return table(
                "images",
                cols(
                        pk(),
                        text("file_path").required(),
                        text("image_type")
                                .required()
                                .with("CHECK (image_type IN ('album_front', 'album_back', 'album_liner',"
                                        + " 'song', 'passage', 'artist', 'work', 'logo'))"),
                        text("entity_id").required(),
                        integer("priority").required().dflt("100").with("CHECK (priority >= 0)"),
                        integer("width"),
                        integer("height"),
                        created("created_at"),
                        created("updated_at")),
                List.of(),
                List.of(
                        "CREATE INDEX IF NOT EXISTS idx_images_entity ON images(entity_id, image_type, priority)",
                        index("images", "image_type")));
    }

    /** A many-to-many table: two cascading references forming the primary key, plus extra columns. */
    private static Table link(
            String name, String leftColumn, String leftTable, String rightColumn, String rightTable, Column... extra) {
        List<Column> columns = new ArrayList<>();
        columns.add(text(leftColumn).required().with("REFERENCES " + leftTable + "(guid) ON DELETE CASCADE"));
        columns.add(text(rightColumn).required().with("REFERENCES " + rightTable + "(guid) ON DELETE CASCADE"));
        columns.addAll(Arrays.asList(extra));
        columns.add(created("created_at"));
        List<String> constraints = new ArrayList<>(List.of("PRIMARY KEY (" + leftColumn + ", " + rightColumn + ")"));
        if (name.equals("passage_songs")) {
            constraints.add("CHECK (end_time_ticks > start_time_ticks)");
        }
        return table(name, columns, constraints, List.of(index(name, leftColumn), index(name, rightColumn)));
    }

    private static Table table(String name, List<Column> columns, List<String> constraints, List<String> indexes) {
        return new Table(name, columns, constraints, indexes);
    }

    private static List<Column> cols(Column... columns) {
        return List.of(columns);
    }

    private static String index(String table, String column) {
        return "CREATE INDEX IF NOT EXISTS idx_" + table + "_" + column + " ON " + table + "(" + column + ")";
    }

    private static Column pk() {
        return text("guid").with("PRIMARY KEY");
    }

    private static Column text(String name) {
        return Column.of(name, "TEXT");
    }

    private static Column integer(String name) {
        return Column.of(name, "INTEGER");
    }

    private static Column real(String name) {
        return Column.of(name, "REAL");
    }

    private static Column created(String name) {
        return Column.of(name, "TIMESTAMP").required().dflt("CURRENT_TIMESTAMP");
    }
}
