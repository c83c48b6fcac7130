package io.wkmp.ingest.adapters.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zero-configuration schema maintenance (spec AIA-DB-020, wkmp-reference §3): creates missing tables and
 * indexes, adds missing columns with their defaults, runs the versioned migrations, and never drops, renames
 * or retypes anything. Runs inside the caller's write transaction, so modules starting at once take turns.
 */
final class SchemaMaintainer {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMaintainer.class);

    private SchemaMaintainer() {}

    /** Brings the schema up to date; returns every change made, in order (empty when nothing was needed). */
    static List<String> apply(Handle h) {
        SchemaInspector inspector = new SchemaInspector(h);
        List<String> changes = new ArrayList<>();
        for (Table t : ExpectedSchema.TABLES) {
            if (!inspector.exists(t.name())) {
                h.execute(t.createSql());
                changes.add("created table " + t.name());
            } else {
                sync(h, inspector, t, changes);
            }
        }
        for (Table t : ExpectedSchema.TABLES) {
            for (String index : t.indexes()) {
                String name = index.split(" ")[5];
                boolean present = h.createQuery("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = :n")
                                .bind("n", name)
                                .mapTo(Integer.class)
                                .one()
                        > 0;
                if (!present) {
                    h.execute(index);
                    changes.add("created index " + name);
                }
            }
        }
        migrate(h, inspector, changes);
        return changes;
    }

    private static void sync(Handle h, SchemaInspector inspector, Table t, List<String> changes) {
        Map<String, SchemaInspector.ActualColumn> actual = inspector.columns(t.name());
        for (Column c : t.columns()) {
            SchemaInspector.ActualColumn a = actual.get(c.name());
            if (a == null) {
                h.execute("ALTER TABLE " + t.name() + " ADD COLUMN " + c.addSql());
                changes.add("added column " + t.name() + "." + c.addSql());
                if (c.hasVolatileDefault()) {
                    int n = h.createUpdate("UPDATE " + t.name() + " SET " + c.name() + " = " + c.defaultSql()
                                    + " WHERE " + c.name() + " IS NULL")
                            .execute();
                    changes.add(
                            "filled " + t.name() + "." + c.name() + " with " + c.defaultSql() + " on " + n + " rows");
                }
                if (c.notNull() && (c.defaultSql() == null || c.hasVolatileDefault())) {
                    LOG.warn(
                            "{}.{} was added as a nullable column (SQLite cannot add NOT NULL without a constant default)",
                            t.name(),
                            c.name());
                }
                if (c.constraint() != null) {
                    LOG.warn(
                            "{}.{} was added without its constraint '{}' (ALTER TABLE cannot add it); checked in code",
                            t.name(),
                            c.name(),
                            c.constraint());
                }
            } else if (!Column.affinity(a.type()).equals(Column.affinity(c.type()))) {
                LOG.warn(
                        "{}.{} is declared {} but wkmp-ai expects {}; left as it is",
                        t.name(),
                        c.name(),
                        a.type(),
                        c.type());
            }
        }
    }

    private static void migrate(Handle h, SchemaInspector inspector, List<String> changes) {
        int current = inspector.version();
        if (current > ExpectedSchema.VERSION) {
            LOG.warn(
                    "schema_version is {}, newer than the {} wkmp-ai knows; continuing",
                    current,
                    ExpectedSchema.VERSION);
            return;
        }
        for (Migrations.Migration m : Migrations.ALL) {
            if (m.version() <= current) {
                continue;
            }
            String what = m.apply().apply(h, inspector);
            h.createUpdate("INSERT OR IGNORE INTO schema_version (version) VALUES (:v)")
                    .bind("v", m.version())
                    .execute();
            changes.add("migration " + m.version() + " (" + m.title() + "): "
                    + (what == null ? "nothing to change" : what));
        }
    }
}
