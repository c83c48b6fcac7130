package io.wkmp.ingest.adapters.sqlite;

import io.wkmp.ingest.core.error.CriticalIngestException;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.identification.Decision;
import io.wkmp.ingest.core.library.FileImport;
import io.wkmp.ingest.core.library.FileStatus;
import io.wkmp.ingest.core.library.IdentificationUpdate;
import io.wkmp.ingest.core.library.KnownFile;
import io.wkmp.ingest.core.library.PendingPassage;
import io.wkmp.ingest.core.library.ReviewPassage;
import io.wkmp.ingest.core.library.UserDecision;
import io.wkmp.ingest.core.port.LibraryStore;
import io.wkmp.ingest.core.session.SessionRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WKMP SQLite database ({@code wkmp.db}) as a {@link LibraryStore}. Opening it creates the file and
 * brings the schema up to date (tables, indexes, missing columns, migrations). All writes go through one
 * connection, one transaction at a time, retried while another process holds the write lock. Thread-safe;
 * close it when done.
 */
public final class SqliteLibraryStore implements LibraryStore, AutoCloseable {
    /** The database file name in the WKMP root folder. */
    public static final String FILE_NAME = "wkmp.db";

    private static final Logger LOG = LoggerFactory.getLogger(SqliteLibraryStore.class);

    private final SqliteDatabase db;
    private final List<String> schemaChanges;
    private final Json json = new Json();
    private final CatalogWriter catalog = new CatalogWriter(json);
    private final FileRows files = new FileRows(json);
    private final ReviewRows reviews = new ReviewRows(json, catalog);
    private final FileWriter fileWriter = new FileWriter(json, catalog, files, reviews);
    private final IdentificationRows identifications = new IdentificationRows(json, catalog);

    private SqliteLibraryStore(SqliteDatabase db) {
        this.db = db;
        this.schemaChanges = List.copyOf(db.write("schema maintenance", SchemaMaintainer::apply));
        schemaChanges.forEach(c -> LOG.info("schema of {}: {}", db.file(), c));
    }

    /** Opens (creating when absent) {@code <rootFolder>/wkmp.db} with default options. */
    public static SqliteLibraryStore open(Path rootFolder) {
        return open(rootFolder, SqliteOptions.defaults());
    }

    /** Opens (creating when absent) {@code <rootFolder>/wkmp.db}. */
    public static SqliteLibraryStore open(Path rootFolder, SqliteOptions options) {
        return openFile(rootFolder.resolve(FILE_NAME), options);
    }

    /** Opens (creating when absent) the database file {@code dbFile}. */
    public static SqliteLibraryStore openFile(Path dbFile, SqliteOptions options) {
        try {
            Path parent = dbFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new CriticalIngestException(
                    ErrorCode.DATABASE_UNAVAILABLE, "cannot create the folder of " + dbFile, e);
        }
        SqliteDatabase db = new SqliteDatabase(dbFile, options);
        try {
            return new SqliteLibraryStore(db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The schema changes made when this store was opened, in order; empty when the database was up to date. */
    public List<String> schemaChanges() {
        return schemaChanges;
    }

    /** Retries after SQLITE_BUSY so far (diagnostics and tests). */
    long busyRetries() {
        return db.busyRetries();
    }

    @Override
    public Map<String, KnownFile> knownFiles() {
        return db.read("read files", files::all);
    }

    @Override
    public Optional<KnownFile> findCompleteByHash(String sha256) {
        return db.read("find file by hash", h -> files.completeByHash(h, sha256));
    }

    @Override
    public void write(List<FileImport> results) {
        if (results.isEmpty()) {
            return;
        }
        db.write(
                "write " + results.size() + " file result(s) starting with "
                        + results.get(0).relativePath(),
                h -> {
                    results.forEach(f -> fileWriter.write(h, f));
                    return null;
                });
    }

    /** Inserts or updates the row of one file (keeping its guid) and returns it; passages are untouched. */
    public KnownFile upsertFile(
            String relativePath, String sha256, long sizeBytes, Instant modifiedAt, FileStatus status) {
        return db.write("record file " + relativePath, h -> {
            files.upsert(h, relativePath, sha256, sizeBytes, modifiedAt, status);
            return files.byPath(h, relativePath).orElseThrow();
        });
    }

    @Override
    public void removeFiles(Collection<String> relativePaths) {
        db.write("remove " + relativePaths.size() + " file(s)", h -> {
            relativePaths.forEach(p -> files.remove(h, p));
            return null;
        });
    }

    @Override
    public Map<String, String> readSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        db.read("read settings", h -> {
            h.createQuery("SELECT key, value FROM settings WHERE value IS NOT NULL ORDER BY key")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
            return null;
        });
        return out;
    }

    @Override
    public void writeSettings(Map<String, String> settings) {
        db.write("write settings", h -> SettingsRows.upsert(h, settings, false));
    }

    @Override
    public void writeMissingSettings(Map<String, String> values) {
        db.write("write missing settings", h -> SettingsRows.upsert(h, values, true));
    }

    @Override
    public void recordSession(SessionRecord session) {
        db.write("record session " + session.sessionId(), h -> SettingsRows.recordSession(h, json, session));
    }

    @Override
    public List<PendingPassage> passagesPendingIdentification(String folderPrefix) {
        return db.read("read pending passages", h -> identifications.pending(h, folderPrefix));
    }

    @Override
    public int countPendingIdentification(String folderPrefix) {
        return db.read("count pending passages", h -> identifications.countPending(h, folderPrefix));
    }

    @Override
    public void updateIdentifications(List<IdentificationUpdate> updates) {
        db.write("update " + updates.size() + " identification(s)", h -> {
            updates.forEach(u -> identifications.update(h, u));
            return null;
        });
    }

    @Override
    public List<ReviewPassage> passagesForReview(Set<Decision> decisions, String folderPrefix) {
        return decisions.isEmpty()
                ? List.of()
                : db.read("read passages for review", h -> reviews.list(h, decisions, folderPrefix));
    }

    @Override
    public Optional<ReviewPassage> passageForReview(String passageGuid) {
        return db.read("read passage " + passageGuid, h -> reviews.one(h, passageGuid));
    }

    @Override
    public void recordUserDecision(String passageGuid, UserDecision decision) {
        db.write("record the user decision on passage " + passageGuid, h -> {
            reviews.record(h, passageGuid, decision);
            return null;
        });
    }

    @Override
    public Optional<String> get(Kind kind, String key) {
        return db.read("read " + kind + " cache", h -> CacheRows.get(h, kind, key));
    }

    @Override
    public void put(Kind kind, String key, String value) {
        db.write("write " + kind + " cache", h -> {
            CacheRows.put(h, kind, key, value);
            return null;
        });
    }

    @Override
    public void close() {
        db.close();
    }
}
