package io.wkmp.ingest.adapters.sqlite;

import io.wkmp.ingest.core.port.LibraryStore;
import io.wkmp.ingest.testkit.contract.LibraryStoreContract;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite store, on a real database file, keeps the port's promises. */
class SqliteLibraryStoreContractTest extends LibraryStoreContract {
    @TempDir
    Path root;

    @Override
    protected LibraryStore newStore() {
        return SqliteLibraryStore.open(root);
    }

    @Override
    protected Map<String, String> sessionStates() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (RawDb raw = new RawDb(root.resolve(SqliteLibraryStore.FILE_NAME))) {
            raw.rows("SELECT session_id, state FROM import_sessions")
                    .forEach(r -> out.put((String) r.get("session_id"), (String) r.get("state")));
        }
        return out;
    }
}
