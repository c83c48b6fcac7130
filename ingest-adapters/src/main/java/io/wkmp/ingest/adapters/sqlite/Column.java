package io.wkmp.ingest.adapters.sqlite;

import java.util.Locale;

/**
 * An expected column: what CREATE TABLE writes and what schema sync adds when it is missing.
 *
 * @param defaultSql SQL default expression, or null
 * @param constraint inline constraint used only when the table is created (PRIMARY KEY, UNIQUE, REFERENCES, CHECK)
 */
record Column(String name, String type, boolean notNull, String defaultSql, String constraint) {

    static Column of(String name, String type) {
        return new Column(name, type, false, null, null);
    }

    static Column text(String name) {
        return of(name, "TEXT");
    }

    static Column integer(String name) {
        return of(name, "INTEGER");
    }

    static Column real(String name) {
        return of(name, "REAL");
    }

    /** A timestamp set when the row is written ({@code created_at}, {@code updated_at}, ...). */
    static Column created(String name) {
        return of(name, "TIMESTAMP").required().dflt("CURRENT_TIMESTAMP");
    }

    /** The {@code guid} primary key of an entity table. */
    static Column guid() {
        return text("guid").with("PRIMARY KEY");
    }

    Column required() {
        return new Column(name, type, true, defaultSql, constraint);
    }

    Column dflt(String sql) {
        return new Column(name, type, notNull, sql, constraint);
    }

    Column with(String inlineConstraint) {
        return new Column(name, type, notNull, defaultSql, inlineConstraint);
    }

    /** True for defaults SQLite refuses in ALTER TABLE ADD COLUMN (CURRENT_TIMESTAMP, expressions). */
    boolean hasVolatileDefault() {
        return defaultSql != null
                && (defaultSql.startsWith("(")
                        || defaultSql.toUpperCase(Locale.ROOT).startsWith("CURRENT_"));
    }

    /** The column as written inside CREATE TABLE. */
    String createSql() {
        StringBuilder s = new StringBuilder(name).append(' ').append(type);
        if (constraint != null) {
            s.append(' ').append(constraint);
        }
        if (notNull) {
            s.append(" NOT NULL");
        }
        if (defaultSql != null) {
            s.append(" DEFAULT ").append(defaultSql);
        }
        return s.toString();
    }

    /**
     * The column as ALTER TABLE ADD COLUMN can add it: no key, unique or check constraint; NOT NULL only with a
     * constant default; volatile defaults are left out (the caller backfills).
     */
    String addSql() {
        StringBuilder s = new StringBuilder(name).append(' ').append(type);
        if (defaultSql != null && !hasVolatileDefault()) {
            if (notNull) {
                s.append(" NOT NULL");
            }
            s.append(" DEFAULT ").append(defaultSql);
        }
        return s.toString();
    }

    /** The SQLite affinity family of a declared type (INT, TEXT, REAL, or the type itself). */
    static String affinity(String declared) {
        String t = declared.toUpperCase(Locale.ROOT);
        if (t.contains("INT")) {
            return "INT";
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
            return "TEXT";
        }
        if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
            return "REAL";
        }
        return t;
    }
}
