package io.wkmp.ingest.server.security;

import io.wkmp.ingest.server.ApiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Resolves paths given by users (absolute, or relative to the root) to real paths inside the root folder.
 * Refuses {@code ..} segments, NUL bytes and anything whose real path (symlinks followed) leaves the root.
 * Immutable and thread-safe.
 */
public final class RootPaths {
    private final Path root;

    public RootPaths(Path rootFolder) {
        try {
            this.root = rootFolder.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("root folder " + rootFolder + " is not usable: " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    /**
     * The real path of an existing file or folder inside the root.
     *
     * @param what names the parameter in error messages ("folder", "path")
     * @throws ApiException 400 PATH_OUTSIDE_ROOT / INVALID_PATH, 404 PATH_NOT_FOUND
     */
    public Path resolve(String userPath, String what) {
        if (userPath == null) {
            throw ApiException.badRequest("MISSING_PARAMETER", what + " is required");
        }
        if (userPath.indexOf('\0') >= 0) {
            throw ApiException.badRequest("INVALID_PATH", what + " contains a NUL character");
        }
        Path given;
        try {
            given = Path.of(userPath.replace('\\', '/'));
        } catch (InvalidPathException e) {
            throw ApiException.badRequest("INVALID_PATH", what + " is not a valid path: " + e.getReason());
        }
        for (Path part : given) {
            if (part.toString().equals("..")) {
                throw ApiException.badRequest("PATH_OUTSIDE_ROOT", what + " must not contain '..'");
            }
        }
        Path candidate =
                given.isAbsolute() ? given.normalize() : root.resolve(given).normalize();
        if (!candidate.startsWith(root)) {
            throw ApiException.badRequest("PATH_OUTSIDE_ROOT", what + " '" + userPath + "' is outside the root folder");
        }
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (NoSuchFileException e) {
            throw ApiException.notFound(
                    "PATH_NOT_FOUND", what + " '" + userPath + "' does not exist in the root folder");
        } catch (IOException e) {
            throw ApiException.badRequest("INVALID_PATH", what + " '" + userPath + "' cannot be read");
        }
        if (!real.startsWith(root)) {
            throw ApiException.badRequest(
                    "PATH_OUTSIDE_ROOT", what + " '" + userPath + "' leads outside the root folder");
        }
        return real;
    }

    /** Like {@link #resolve} for a regular file. */
    public Path resolveFile(String userPath, String what) {
        Path p = resolve(userPath, what);
        if (!Files.isRegularFile(p)) {
            throw ApiException.badRequest("NOT_A_FILE", what + " '" + userPath + "' is not a file");
        }
        return p;
    }

    /** A real path inside the root as the database stores it: relative, forward slashes ("" for the root). */
    public String relative(Path real) {
        return root.relativize(real).toString().replace('\\', '/');
    }
}
