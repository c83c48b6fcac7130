package io.wkmp.ingest.testkit.library;

import io.wkmp.ingest.testkit.audio.SynthAudio;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Where a {@link SynthLibrary} is written: the library folder, and a scratch folder for the rendered WAV masters
 * (deleted on close); fingerprints are fpcalc's of those masters.
 */
final class LibraryFiles implements AutoCloseable {
    private final Path folder;
    private final Path scratch;

    LibraryFiles(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
            this.scratch = Files.createTempDirectory("synth-library");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code audio} as a WAV master named {@code name} in the scratch folder. */
    Path render(SynthAudio audio, String name) {
        return audio.writeWav(scratch.resolve(name + ".wav"));
    }

    /** The path of {@code relativePath} in the library, its folders created. */
    Path create(String relativePath) {
        Path p = folder.resolve(relativePath);
        try {
            Files.createDirectories(p.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Copies a library file byte for byte to another path of the library. */
    void copy(String fromRelative, String toRelative) {
        try {
            Files.copy(folder.resolve(fromRelative), create(toRelative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Overwrites {@code file} after its first {@code keep} bytes with random bytes (seeded), as a disk error would. */
    void damage(Path file, int keep, long seed) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            byte[] junk = new byte[bytes.length - keep];
            new Random(seed).nextBytes(junk);
            System.arraycopy(junk, 0, bytes, keep, junk.length);
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (var paths = Files.list(scratch)) {
            for (Path p : paths.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(scratch);
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
