package io.wkmp.ingest.adapters.sqlite;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A store on a fresh database file in a temporary root folder, plus a raw connection to check what it wrote. */
abstract class StoreTestBase {
    @TempDir
    Path root;

    SqliteLibraryStore store;
    RawDb raw;

    @BeforeEach
    void openStore() throws Exception {
        store = SqliteLibraryStore.open(root);
        raw = new RawDb(root.resolve("wkmp.db"));
    }

    @AfterEach
    void closeStore() throws Exception {
        raw.close();
        store.close();
    }
}
