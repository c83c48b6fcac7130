package io.wkmp.ingest.adapters.sqlite;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** Reads the actual schema of the open database (sqlite_master, PRAGMA table_info). */
final class SchemaInspector {
    /** One row of PRAGMA table_info. */
    record ActualColumn(String name, String type, boolean notNull, String defaultSql, boolean primaryKey) {}

    private final Handle handle;

    SchemaInspector(Handle handle) {
        this.handle = handle;
    }

    boolean exists(String table) {
        return handle.createQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = :n")
                        .bind("n", table)
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    /** The table's columns by name, in column order. */
    Map<String, ActualColumn> columns(String table) {
        Map<String, ActualColumn> out = new LinkedHashMap<>();
        // PRAGMA arguments cannot be bound; table names come from ExpectedSchema, never from input.
        handle.createQuery("PRAGMA table_info(" + table + ")")
                .map((rs, ctx) -> new ActualColumn(
                        rs.getString("name"),
                        rs.getString("type"),
                        rs.getInt("notnull") != 0,
                        rs.getString("dflt_value"),
                        rs.getInt("pk") != 0))
                .forEach(c -> out.put(c.name(), c));
        return out;
    }

    Set<String> columnNames(String table) {
        return columns(table).keySet();
    }

    /** Highest version in schema_version, 0 when none. */
    int version() {
        return handle.createQuery("SELECT coalesce(max(version), 0) FROM schema_version")
                .mapTo(Integer.class)
                .one();
    }
}
