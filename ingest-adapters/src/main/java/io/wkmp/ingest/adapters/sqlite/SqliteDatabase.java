package io.wkmp.ingest.adapters.sqlite;

import io.wkmp.ingest.core.error.CriticalIngestException;
import io.wkmp.ingest.core.error.ErrorCode;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;

/**
 * The open database file: one long-lived writer connection and one reader connection, each used by one thread
 * at a time. Writes run in {@code BEGIN IMMEDIATE} transactions and are retried on SQLITE_BUSY (another process
 * writing) with backoff, within {@link SqliteOptions#lockWaitBudget()}; SQL failures become
 * {@link CriticalIngestException}s.
 */
final class SqliteDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteDatabase.class);
    private static final long FIRST_BACKOFF_MS = 5;
    private static final long MAX_BACKOFF_MS = 250;

    private final Path file;
    private final SqliteOptions options;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final ReentrantLock readLock = new ReentrantLock();
    private final AtomicLong busyRetries = new AtomicLong();
    private final Handle writer;
    private final Handle reader;

    SqliteDatabase(Path file, SqliteOptions options) {
        this.file = file;
        this.options = options;
        Jdbi jdbi = Jdbi.create(dataSource(file, options));
        this.writer = retrying("open " + file, ErrorCode.DATABASE_UNAVAILABLE, jdbi::open);
        try {
            this.reader = retrying("open " + file, ErrorCode.DATABASE_UNAVAILABLE, jdbi::open);
        } catch (RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    /** How many times an operation was retried after SQLITE_BUSY since opening. */
    long busyRetries() {
        return busyRetries.get();
    }

    Path file() {
        return file;
    }

    /** Runs {@code work} in one write transaction, retried as a whole on SQLITE_BUSY; one writer at a time. */
    <T> T write(String what, Function<Handle, T> work) {
        writeLock.lock();
        try {
            return retrying(what, ErrorCode.DB_WRITE_FAILED, () -> inTransaction(work));
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} on the reader connection (autocommit: each statement sees the latest commit). */
    <T> T read(String what, Function<Handle, T> work) {
        readLock.lock();
        try {
            return retrying(what, ErrorCode.DATABASE_UNAVAILABLE, () -> work.apply(reader));
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        readLock.lock();
        try {
            writer.close();
            reader.close();
        } finally {
            readLock.unlock();
            writeLock.unlock();
        }
    }

    private <T> T inTransaction(Function<Handle, T> work) {
        writer.execute("BEGIN IMMEDIATE");
        boolean committed = false;
        try {
            T result = work.apply(writer);
            writer.execute("COMMIT");
            committed = true;
            return result;
        } finally {
            if (!committed) {
                rollbackQuietly();
            }
        }
    }

    private void rollbackQuietly() {
        try {
            writer.execute("ROLLBACK");
        } catch (RuntimeException e) {
            LOG.debug("rollback after a failed write: {}", e.getMessage());
        }
    }

    private interface Attempt<T> {
        T run();
    }

    private <T> T retrying(String what, ErrorCode failure, Attempt<T> attempt) {
        long start = System.nanoTime();
        long backoff = FIRST_BACKOFF_MS;
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                return attempt.run();
            } catch (NoSuchElementException e) {
                throw e; // the store's answer "no such row" (the ports promise it), not a database failure
            } catch (RuntimeException e) {
                SQLiteErrorCode code = SqliteErrors.primaryCode(e);
                long waitedMs = (System.nanoTime() - start) / 1_000_000;
                if (!SqliteErrors.isBusy(code)
                        || waitedMs + backoff > options.lockWaitBudget().toMillis()) {
                    throw SqliteErrors.toIngestException(what, failure, e, attempts, waitedMs);
                }
                busyRetries.incrementAndGet();
                sleep(backoff);
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CriticalIngestException(
                    ErrorCode.DB_WRITE_FAILED, "interrupted while waiting for the database lock", e);
        }
    }

    private static SQLiteDataSource dataSource(Path file, SqliteOptions options) {
        SqliteNativeLibrary.prepare();
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(
                (int) Math.min(Integer.MAX_VALUE, options.busyTimeout().toMillis()));
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return ds;
    }
}
