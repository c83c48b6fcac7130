package io.wkmp.ingest.adapters.sqlite;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An expected table: columns, table constraints (used only on creation) and indexes.
 *
 * @param indexes complete {@code CREATE INDEX IF NOT EXISTS} statements
 */
record Table(String name, List<Column> columns, List<String> constraints, List<String> indexes) {
    Table {
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
        indexes = List.copyOf(indexes);
    }

    /** The statement creating the index {@code idx_<table>_<column>}. */
    static String index(String table, String column) {
        return "CREATE INDEX IF NOT EXISTS idx_" + table + "_" + column + " ON " + table + "(" + column + ")";
    }

    String createSql() {
        String body = columns.stream().map(Column::createSql).collect(Collectors.joining(",\n  "));
        String extra = constraints.isEmpty() ? "" : ",\n  " + String.join(",\n  ", constraints);
        return "CREATE TABLE IF NOT EXISTS " + name + " (\n  " + body + extra + "\n)";
    }
}
