package io.wkmp.ingest.adapters.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/** sqlite-jdbc's native library is copied into the cache once, whole, and reused (not unpacked at every start). */
class SqliteNativeLibraryTest {
    @TempDir
    Path cache;

    @Test
    void theLibraryIsCopiedOnceAndReusedAndABrokenCopyIsReplaced() throws Exception {
        Path lib = SqliteNativeLibrary.cachedCopy(cache).orElseThrow();
        assertThat(lib).startsWith(cache).hasFileName(LibraryLoaderUtil.getNativeLibName());
        assertThat(lib.toString()).contains("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion());
        byte[] bundled;
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(
                LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName())) {
            bundled = in.readAllBytes();
        }
        assertThat(Files.readAllBytes(lib)).isEqualTo(bundled);

        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(lib, old);
        assertThat(SqliteNativeLibrary.cachedCopy(cache)).contains(lib);
        assertThat(Files.getLastModifiedTime(lib))
                .as("reused, not written again")
                .isEqualTo(old);

        Files.write(lib, new byte[] {1, 2, 3}); // a copy cut short
        assertThat(SqliteNativeLibrary.cachedCopy(cache)).contains(lib);
        assertThat(Files.readAllBytes(lib)).isEqualTo(bundled);
        try (var files = Files.list(lib.getParent())) {
            assertThat(files.toList()).as("no temporary file left").containsExactly(lib);
        }
    }
}
