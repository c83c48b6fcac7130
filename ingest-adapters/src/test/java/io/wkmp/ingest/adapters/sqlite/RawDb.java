package io.wkmp.ingest.adapters.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A plain JDBC connection to a database file, as another process or module would open it; for assertions and setup. */
final class RawDb implements AutoCloseable {
    private final Connection connection;

    RawDb(Path file) throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        exec("PRAGMA busy_timeout = 10000");
    }

    Connection connection() {
        return connection;
    }

    void exec(String... statements) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    long count(String table) throws SQLException {
        return number("SELECT count(*) FROM " + table);
    }

    long number(String sql) throws SQLException {
        return ((Number) rows(sql).get(0).values().iterator().next()).longValue();
    }

    String text(String sql) throws SQLException {
        Object v = rows(sql).get(0).values().iterator().next();
        return v == null ? null : v.toString();
    }

    List<Map<String, Object>> rows(String sql) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i), rs.getObject(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    /** Every table's column list (name type notnull default pk), plus every index: a fingerprint of the schema. */
    String schemaDump() throws SQLException {
        StringBuilder s = new StringBuilder();
        for (Map<String, Object> t : rows("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")) {
            s.append(t).append('\n');
            if ("table".equals(t.get("type"))) {
                rows("PRAGMA table_info(" + t.get("name") + ")")
                        .forEach(c -> s.append("  ").append(c).append('\n'));
            }
        }
        return s.toString();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
