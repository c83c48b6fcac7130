package io.wkmp.ingest.adapters.flavor;

import io.wkmp.ingest.core.time.Ticks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Runs ffmpeg (argument list, no shell) to cut a passage's audio to a WAV file (for Essentia). Stateless. */
final class PassageAudio {
    private PassageAudio() {}

    /** Writes [start, end) as a 16-bit WAV at the source rate to {@code out}. */
    static void writeWav(Path file, long startTicks, long endTicks, Path out) throws IOException {
        List<String> cmd = cut(file, startTicks, Ticks.toSeconds(endTicks - startTicks));
        cmd.addAll(List.of("-c:a", "pcm_s16le", "-y", out.toString()));
        await(
                new ProcessBuilder(cmd)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start(),
                "cut");
    }

    private static List<String> cut(Path file, long startTicks, double seconds) {
        return new ArrayList<>(List.of(
                "ffmpeg",
                "-v",
                "error",
                "-nostdin",
                "-ss",
                secs(Ticks.toSeconds(startTicks)),
                "-t",
                secs(seconds),
                "-i",
                file.toString(),
                "-vn"));
    }

    private static void await(Process p, String what) throws IOException {
        try {
            int rc = p.waitFor();
            if (rc != 0) {
                throw new IOException("ffmpeg " + what + " failed with exit code " + rc);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String secs(double s) {
        return String.format(Locale.ROOT, "%.6f", s);
    }
}
