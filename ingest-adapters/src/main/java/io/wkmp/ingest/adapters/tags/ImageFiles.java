package io.wkmp.ingest.adapters.tags;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Saves image bytes as {@code <stem>.<ext>} in a folder without ever overwriting: an existing file with the
 * same bytes is reused, otherwise {@code _2}, {@code _3}, ... is inserted before the extension. The bytes are
 * written to a temporary file and hard-linked into place, so a name never holds a partial image and two
 * workers saving at once cannot both take it.
 */
final class ImageFiles {
    private static final int MAX_TRIES = 1000;

    private ImageFiles() {}

    /** The file now holding {@code data}. */
    static Path save(Path folder, String stem, String extension, byte[] data) throws IOException {
        Path tmp = null;
        try {
            for (int n = 1; n <= MAX_TRIES; n++) {
                Path target = folder.resolve(n == 1 ? stem + "." + extension : stem + "_" + n + "." + extension);
                if (Files.exists(target)) {
                    if (Files.isRegularFile(target)
                            && Files.size(target) == data.length
                            && Arrays.equals(Files.readAllBytes(target), data)) {
                        return target;
                    }
                    continue;
                }
                if (tmp == null) {
                    tmp = Files.createTempFile(folder, ".wkmp-cover-", ".tmp");
                    Files.write(tmp, data);
                }
                if (place(tmp, target, data)) {
                    return target;
                }
                n--; // taken meanwhile: look at this name again (it may hold the same bytes)
            }
            throw new IOException("no free name for " + stem + "." + extension + " after " + MAX_TRIES + " tries");
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Puts {@code data} at {@code target} unless it exists; false when another file took the name first. */
    private static boolean place(Path tmp, Path target, byte[] data) throws IOException {
        try {
            Files.createLink(target, tmp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | IOException e) {
            try {
                Files.write(target, data, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return true;
            } catch (FileAlreadyExistsException taken) {
                return false;
            }
        }
    }
}
