package io.wkmp.ingest.adapters.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The album synthesized once per class, a fresh WKMP root and fresh fakes for each test. */
abstract class E2eBase {
    static E2eAlbum album;

    @TempDir
    Path root;

    Fakes fakes;

    @BeforeAll
    static void synthesize(@TempDir Path scratch) {
        album = new E2eAlbum(scratch);
    }

    @BeforeEach
    void startFakes() {
        fakes = new Fakes(album.catalog);
    }

    @AfterEach
    void stopFakes() {
        fakes.close();
    }
}
