package io.wkmp.ingest.core.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** Validation of the folders a user names: the root and the folders imported inside it. Stateless. */
public final class Folders {
    private Folders() {}

    /**
     * {@code dir} as a real path, after checking it exists, is a directory and is readable.
     *
     * @throws IllegalArgumentException naming {@code what} and the problem
     */
    public static Path realDirectory(Path dir, String what) {
        Objects.requireNonNull(dir, what);
        if (!Files.exists(dir)) {
            throw new IllegalArgumentException(what + " " + dir + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(what + " " + dir + " is not a directory");
        }
        if (!Files.isReadable(dir)) {
            throw new IllegalArgumentException(what + " " + dir + " is not readable");
        }
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " " + dir + " cannot be resolved: " + e.getMessage(), e);
        }
    }

    /**
     * {@code folder} (absolute, or relative to {@code realRoot}) as a real directory inside the root;
     * symbolic links that lead out of the root are refused.
     *
     * @throws IllegalArgumentException naming the problem
     */
    public static Path insideRoot(Path realRoot, Path folder) {
        Objects.requireNonNull(folder, "folder");
        Path real = realDirectory(folder.isAbsolute() ? folder : realRoot.resolve(folder), "folder");
        if (!real.startsWith(realRoot)) {
            throw new IllegalArgumentException("folder " + folder + " is outside the root folder " + realRoot);
        }
        return real;
    }
}
