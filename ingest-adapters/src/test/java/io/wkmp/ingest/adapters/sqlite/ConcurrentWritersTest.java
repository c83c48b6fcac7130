package io.wkmp.ingest.adapters.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wkmp.ingest.core.error.CriticalIngestException;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.library.FileImport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

class ConcurrentWritersTest {
    private static final int THREADS = 4;
    private static final int FILES = 1000;

    @TempDir
    Path root;

    @Test
    void fourThreadsThroughOneStoreWriteExactRowCounts() throws Exception {
        try (SqliteLibraryStore store = SqliteLibraryStore.open(root)) {
            writeConcurrently(List.of(store, store, store, store));
        }
        assertCounts();
    }

    @Test
    void fourThreadsThroughTwoStoresOnOneFileLikeTwoProcessesWriteExactRowCounts() throws Exception {
        // a tiny busy_timeout makes SQLITE_BUSY happen often, so the retry with backoff is what keeps it from escaping
        SqliteOptions impatient = new SqliteOptions(Duration.ofMillis(1), Duration.ofSeconds(60));
        try (SqliteLibraryStore a = SqliteLibraryStore.open(root, impatient);
                SqliteLibraryStore b = SqliteLibraryStore.open(root, impatient)) {
            assertThat(b.schemaChanges()).isEmpty();
            writeConcurrently(List.of(a, b, a, b));
            assertThat(a.busyRetries() + b.busyRetries())
                    .as("SQLITE_BUSY met and retried")
                    .isPositive();
        }
        assertCounts();
    }

    @Test
    void aWriteWaitsOutAnotherProcessHoldingTheLock() throws Exception {
        SqliteOptions impatient = new SqliteOptions(Duration.ofMillis(20), Duration.ofSeconds(30));
        try (SqliteLibraryStore store = SqliteLibraryStore.open(root, impatient);
                RawDb other = new RawDb(root.resolve("wkmp.db"))) {
            other.exec("BEGIN IMMEDIATE", "INSERT INTO settings (key, value) VALUES ('other_module', 'x')");
            AtomicLong committing = new AtomicLong();
            Thread release = new Thread(() -> {
                sleep(800);
                committing.set(System.nanoTime());
                commit(other);
            });
            release.start();
            store.write(List.of(Results.identified("a.flac", 2)));
            long written = System.nanoTime();
            release.join();
            assertThat(committing.get()).as("the other process committed").isNotZero();
            assertThat(written - committing.get())
                    .as("the write ended after the other process let go of the lock")
                    .isPositive();
            assertThat(other.count("passages")).isEqualTo(2);
            assertThat(store.readSettings()).containsEntry("other_module", "x");
        }
    }

    @Test
    void aLockHeldBeyondTheBudgetFailsTheWriteCritically() throws Exception {
        SqliteOptions shortBudget = new SqliteOptions(Duration.ofMillis(20), Duration.ofMillis(300));
        try (SqliteLibraryStore store = SqliteLibraryStore.open(root, shortBudget);
                RawDb other = new RawDb(root.resolve("wkmp.db"))) {
            other.exec("BEGIN IMMEDIATE", "INSERT INTO settings (key, value) VALUES ('other_module', 'x')");
            assertThatThrownBy(() -> store.write(List.of(Results.identified("a.flac", 1))))
                    .isInstanceOf(CriticalIngestException.class)
                    .hasMessageContaining("stayed locked")
                    .satisfies(e ->
                            assertThat(((CriticalIngestException) e).code()).isEqualTo(ErrorCode.DB_WRITE_FAILED));
            other.exec("ROLLBACK");
            store.write(List.of(Results.identified("a.flac", 1)));
            assertThat(other.count("files")).isEqualTo(1);
        }
    }

    @Test
    void failuresMapToTheImportsErrorCodes() throws Exception {
        Path notAFolder = Files.writeString(root.resolve("plain-file"), "x");
        assertThatThrownBy(() -> SqliteLibraryStore.open(notAFolder))
                .isInstanceOf(CriticalIngestException.class)
                .satisfies(e ->
                        assertThat(((CriticalIngestException) e).code()).isEqualTo(ErrorCode.DATABASE_UNAVAILABLE));
        RuntimeException full =
                new RuntimeException(new SQLiteException("database or disk is full", SQLiteErrorCode.SQLITE_FULL));
        assertThat(SqliteErrors.toIngestException("write", ErrorCode.DB_WRITE_FAILED, full, 1, 0)
                        .code())
                .isEqualTo(ErrorCode.DISK_FULL);
        RuntimeException snapshot =
                new RuntimeException(new SQLiteException("busy", SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT));
        assertThat(SqliteErrors.isBusy(SqliteErrors.primaryCode(snapshot))).isTrue();
    }

    private void writeConcurrently(List<SqliteLibraryStore> stores) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            SqliteLibraryStore store = stores.get(t);
            int thread = t;
            futures.add(pool.submit(() -> {
                go.await();
                for (int i = thread; i < FILES; i += THREADS) {
                    FileImport f = Results.identified("t" + thread + "/f" + i + ".flac", 2);
                    store.write(List.of(f));
                    if (i % 10 == 0) {
                        store.write(List.of(f)); // a rewrite must not duplicate anything
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : futures) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
    }

    private void assertCounts() throws Exception {
        try (RawDb raw = new RawDb(root.resolve("wkmp.db"))) {
            assertThat(raw.count("files")).isEqualTo(FILES);
            assertThat(raw.count("passages")).isEqualTo(2L * FILES);
            assertThat(raw.count("songs")).isEqualTo(2L * FILES);
            assertThat(raw.count("passage_songs")).isEqualTo(2L * FILES);
            assertThat(raw.count("albums")).isEqualTo(FILES);
            assertThat(raw.count("artists")).isEqualTo(2);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void commit(RawDb db) {
        try {
            db.exec("COMMIT");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
