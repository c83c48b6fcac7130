package io.wkmp.ingest.adapters.e2e;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code <root>/wkmp.db} with plain JDBC, as another WKMP module would; for assertions. */
final class LibraryDb implements AutoCloseable {
    private final Connection connection;

    LibraryDb(Path root) throws SQLException {
        connection = DriverManager.getConnection(
                "jdbc:sqlite:" + root.resolve("wkmp.db").toAbsolutePath());
    }

    List<Map<String, Object>> rows(String sql, Object... args) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<Map<String, Object>> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= md.getColumnCount(); c++) {
                        row.put(md.getColumnLabel(c), rs.getObject(c));
                    }
                    out.add(row);
                }
            }
            return out;
        }
    }

    long count(String sql, Object... args) throws SQLException {
        return ((Number) rows(sql, args).get(0).values().iterator().next()).longValue();
    }

    /** Passages with their file path, in path and time order. */
    List<Map<String, Object>> passages() throws SQLException {
        return rows(
                "SELECT f.path, p.* FROM passages p JOIN files f ON f.guid = p.file_id ORDER BY f.path, p.start_time_ticks");
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
