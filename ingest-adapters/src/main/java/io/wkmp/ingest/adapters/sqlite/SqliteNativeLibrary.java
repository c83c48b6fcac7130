package io.wkmp.ingest.adapters.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * sqlite-jdbc's native library, kept in a per-user cache instead of unpacked anew at every start.
 *
 * <p>Why: at every JVM start sqlite-jdbc copies its native library (1.1 MB on Linux x86_64) out of the jar into
 * {@code java.io.tmpdir}, then compares the copy with the jar entry byte by byte
 * ({@code SQLiteJDBCLoader.contentsEquals}, a read() call per byte on a cold JVM) before loading it: 0.16 s of an
 * idle start here, 0.35 s with both cores busy, growing with the load (issue 10 saw 2.8 s in that step on a loaded
 * machine). A JVM that ends without its exit hooks (SIGKILL, {@code Runtime.halt}) also leaves that copy in /tmp.
 *
 * <p>Here the library is copied once per sqlite-jdbc version and platform into {@code $XDG_CACHE_HOME/wkmp-ai}
 * (else {@code ~/.cache/wkmp-ai}), through a temporary file renamed into place (a copy is whole or absent; a copy of
 * another size is replaced), and sqlite-jdbc is pointed at it with its own system properties
 * {@code org.sqlite.lib.path} and {@code org.sqlite.lib.name}. When the cache cannot be written, or the user set
 * those properties, nothing changes and sqlite-jdbc loads its library as it always did.
 */
final class SqliteNativeLibrary {
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private static final Logger LOG = LoggerFactory.getLogger(SqliteNativeLibrary.class);
    private static boolean prepared;

    private SqliteNativeLibrary() {}

    /** Points sqlite-jdbc at the cached library (copying it there first when needed); once per JVM. */
    static synchronized void prepare() {
        if (prepared) {
            return;
        }
        prepared = true;
        if (System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        cacheFolder().flatMap(SqliteNativeLibrary::cachedCopy).ifPresent(lib -> {
            System.setProperty(PATH_PROPERTY, lib.getParent().toString());
            System.setProperty(NAME_PROPERTY, lib.getFileName().toString());
        });
    }

    /** {@code $XDG_CACHE_HOME/wkmp-ai}, else {@code ~/.cache/wkmp-ai}. */
    static Optional<Path> cacheFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Optional.of(Path.of(xdg, "wkmp-ai"));
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? Optional.empty() : Optional.of(Path.of(home, ".cache", "wkmp-ai"));
    }

    /**
     * The library of this sqlite-jdbc version and platform in {@code cache}: {@code sqlite-jdbc-<version>/<os>/<arch>/
     * libsqlitejdbc.so}, copied from the jar when absent or of another size; empty when that fails.
     */
    static Optional<Path> cachedCopy(Path cache) {
        String folder = LibraryLoaderUtil.getNativeLibResourcePath(); // "/org/sqlite/native/Linux/x86_64"
        String name = LibraryLoaderUtil.getNativeLibName();
        URL resource = SQLiteJDBCLoader.class.getResource(folder + "/" + name);
        if (resource == null) {
            return Optional.empty(); // no bundled library for this platform: sqlite-jdbc reports it as it does
        }
        String platform = folder.substring(folder.indexOf("/native/") + "/native/".length());
        Path lib = cache.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion())
                .resolve(platform)
                .resolve(name);
        try {
            URLConnection c = resource.openConnection();
            c.setUseCaches(false);
            long size = c.getContentLengthLong();
            if (size >= 0 && Files.isRegularFile(lib) && Files.size(lib) == size) {
                return Optional.of(lib);
            }
            Files.createDirectories(lib.getParent());
            Path tmp = Files.createTempFile(lib.getParent(), name, ".part");
            try (InputStream in = c.getInputStream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                move(tmp, lib);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return Optional.of(lib);
        } catch (IOException | RuntimeException e) {
            LOG.debug("sqlite native library not cached in {}: {}", cache, e.toString());
            return Optional.empty();
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
