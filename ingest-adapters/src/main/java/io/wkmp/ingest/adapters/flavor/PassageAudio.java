package io.wkmp.ingest.adapters.flavor;

import io.wkmp.ingest.core.time.Ticks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Runs ffmpeg (argument list, no shell) to get a passage's audio: mono floats, or a WAV file. Stateless. */
final class PassageAudio {
    private PassageAudio() {}

    /** Mono samples of [start, end) at {@code rate}, at most {@code maxSeconds} of them. */
    static float[] decodeMono(Path file, long startTicks, long endTicks, int rate, double maxSeconds)
            throws IOException {
        double dur = Math.min(maxSeconds, Ticks.toSeconds(endTicks - startTicks));
        List<String> cmd = cut(file, startTicks, dur);
        cmd.addAll(List.of("-ac", "1", "-ar", Integer.toString(rate), "-f", "f32le", "-"));
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(bytes);
        }
        await(p, "decode");
        ByteBuffer b = ByteBuffer.wrap(bytes.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[b.remaining() / 4];
        b.asFloatBuffer().get(out);
        return out;
    }

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
