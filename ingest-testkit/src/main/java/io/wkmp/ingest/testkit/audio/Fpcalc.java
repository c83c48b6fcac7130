package io.wkmp.ingest.testkit.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Chromaprint's {@code fpcalc} command, as the catalogues of the tests register their songs. */
public final class Fpcalc {
    private Fpcalc() {}

    /** The compressed fingerprint fpcalc computes for {@code file}. */
    public static String fingerprint(Path file) {
        try {
            Process p = new ProcessBuilder("fpcalc", file.toString())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(); // fpcalc exits 3 on a harmless "end of file" decode warning; the fingerprint line decides
            return out.lines()
                    .filter(l -> l.startsWith("FINGERPRINT="))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no fingerprint from fpcalc: " + out))
                    .substring("FINGERPRINT=".length());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run fpcalc (installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
