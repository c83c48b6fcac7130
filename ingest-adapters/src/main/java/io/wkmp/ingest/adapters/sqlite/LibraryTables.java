package io.wkmp.ingest.adapters.sqlite;

import static io.wkmp.ingest.adapters.sqlite.Column.created;
import static io.wkmp.ingest.adapters.sqlite.Column.guid;
import static io.wkmp.ingest.adapters.sqlite.Column.integer;
import static io.wkmp.ingest.adapters.sqlite.Column.real;
import static io.wkmp.ingest.adapters.sqlite.Column.text;
import static io.wkmp.ingest.adapters.sqlite.Table.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The WKMP library's tables as {@link ExpectedSchema} lists them (wkmp-reference §1): files, passages, songs,
 * artists, works, albums, images and the tables linking them.
 */
final class LibraryTables {
    private LibraryTables() {}

    static Table files() {
        return new Table(
                "files",
                List.of(
                        guid(),
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

    static Table passages() {
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
        return new Table(
                "passages",
                List.of(
                        guid(),
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

    static Table songs() {
        return new Table(
                "songs",
                List.of(
                        guid(),
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

    static Table artists() {
        return playable("artists", "artist_mbid", "name", "7200", "14400");
    }

    static Table works() {
        return playable("works", "work_mbid", "title", "259200", "604800");
    }

    /** An entity the selection algorithm plays (artist, work): MBID, name, probability and cooldowns in seconds. */
    static Table playable(
            String name, String mbidColumn, String nameColumn, String minCooldown, String rampingCooldown) {
        return new Table(
                name,
                List.of(
                        guid(),
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

    static Table albums() {
        return new Table(
                "albums",
                List.of(
                        guid(),
                        text("album_mbid").required().with("UNIQUE"),
                        text("title").required(),
                        text("release_date"),
                        created("created_at"),
                        created("updated_at")),
                List.of(),
                List.of(index("albums", "album_mbid")));
    }

    static Table images() {
        return new Table(
                "images",
                List.of(
                        guid(),
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
    static Table link(
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
        return new Table(name, columns, constraints, List.of(index(name, leftColumn), index(name, rightColumn)));
    }
}
