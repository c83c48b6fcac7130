package io.wkmp.ingest.adapters.sqlite;

import io.wkmp.ingest.core.error.CriticalIngestException;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.IngestException;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Classifies SQLite failures and translates them into the import's error codes. */
final class SqliteErrors {
    private SqliteErrors() {}

    /** The primary result code (extended codes such as SQLITE_BUSY_SNAPSHOT reduced to SQLITE_BUSY) found in the cause chain, or null. */
    static SQLiteErrorCode primaryCode(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLiteException) {
                return SQLiteErrorCode.getErrorCode(((SQLiteException) c).getResultCode().code & 0xff);
            }
            if (c instanceof SQLException && ((SQLException) c).getErrorCode() > 0) {
                return SQLiteErrorCode.getErrorCode(((SQLException) c).getErrorCode() & 0xff);
            }
        }
        return null;
    }

    /** True for the codes that mean "another connection holds the lock, try again". */
    static boolean isBusy(SQLiteErrorCode code) {
        return code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED;
    }

    /** The exception the port throws for {@code e}: DISK_FULL for SQLITE_FULL, else {@code fallback}. */
    static IngestException toIngestException(
            String what, ErrorCode fallback, RuntimeException e, int attempts, long waitedMs) {
        if (e instanceof IngestException) {
            return (IngestException) e;
        }
        SQLiteErrorCode code = primaryCode(e);
        if (code == SQLiteErrorCode.SQLITE_FULL) {
            return new CriticalIngestException(ErrorCode.DISK_FULL, what + ": the disk is full", e);
        }
        if (isBusy(code)) {
            return new CriticalIngestException(
                    fallback,
                    what + ": the database stayed locked by another writer for " + waitedMs + " ms (" + attempts
                            + " attempts)",
                    e);
        }
        String detail = code == null ? e.getMessage() : code.name() + ": " + rootMessage(e);
        return new CriticalIngestException(fallback, what + " failed: " + detail, e);
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage();
    }
}
