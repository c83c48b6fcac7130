package io.wkmp.ingest.server;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A browser test: the real server over a scripted pipeline ({@link ServerFixture}) and headless Chromium. */
abstract class ServerBrowserTest {
    @TempDir
    Path root;

    ServerFixture f;
    Browser b;

    private final long perFileMillis;

    /** @param perFileMillis how long the scripted pipeline takes over each step of a file */
    ServerBrowserTest(long perFileMillis) {
        this.perFileMillis = perFileMillis;
    }

    @BeforeEach
    void startServerAndBrowser() {
        f = new ServerFixture(root, perFileMillis, 15_000);
        b = new Browser();
    }

    @AfterEach
    void stopServerAndBrowser() {
        b.close();
        f.close();
    }
}
