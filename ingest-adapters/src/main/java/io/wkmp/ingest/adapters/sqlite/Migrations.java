package io.wkmp.ingest.adapters.sqlite;

import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Handle;

/**
 * WKMP's versioned migrations (wkmp-reference §3 phase 3), each idempotent: it checks what exists before it
 * changes anything, so a database another module already migrated, or one the column sync already repaired,
 * is left alone. Each applied version is recorded in {@code schema_version}.
 */
final class Migrations {
    /** One migration: returns a description of what it changed, or null when there was nothing to do. */
    record Migration(int version, String title, BiFunction<Handle, SchemaInspector, String> apply) {}

    static final List<Migration> ALL = List.of(
            new Migration(1, "passages.import_metadata", (h, i) -> addColumn(h, i, "passages", "import_metadata TEXT")),
            new Migration(2, "songs.title", (h, i) -> addColumn(h, i, "songs", "title TEXT")),
            new Migration(3, "files.duration_ticks from legacy files.duration seconds", Migrations::durationTicks),
            new Migration(
                    4,
                    "files.format, sample_rate, channels, file_size_bytes",
                    (h, i) -> join(
                            addColumn(h, i, "files", "format TEXT"), addColumn(h, i, "files", "sample_rate INTEGER"),
                            addColumn(h, i, "files", "channels INTEGER"),
                                    addColumn(h, i, "files", "file_size_bytes INTEGER"))));

    private Migrations() {}

    private static String durationTicks(Handle h, SchemaInspector inspector) {
        String added = addColumn(h, inspector, "files", "duration_ticks INTEGER");
        Set<String> columns = inspector.columnNames("files");
        if (!columns.contains("duration")) {
            return added;
        }
        int n = h.createUpdate("UPDATE files SET duration_ticks = CAST(duration * 28224000 AS INTEGER)"
                        + " WHERE duration_ticks IS NULL AND duration IS NOT NULL")
                .execute();
        return join(added, n == 0 ? null : "converted files.duration to duration_ticks on " + n + " rows");
    }

    private static String addColumn(Handle h, SchemaInspector inspector, String table, String columnSql) {
        String name = columnSql.substring(0, columnSql.indexOf(' '));
        if (!inspector.exists(table) || inspector.columnNames(table).contains(name)) {
            return null;
        }
        h.execute("ALTER TABLE " + table + " ADD COLUMN " + columnSql);
        return "added column " + table + "." + name;
    }

    private static String join(String... parts) {
        StringBuilder s = new StringBuilder();
        for (String p : parts) {
            if (p != null) {
                s.append(s.length() == 0 ? "" : "; ").append(p);
            }
        }
        return s.length() == 0 ? null : s.toString();
    }
}
