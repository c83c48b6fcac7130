package io.wkmp.ingest.adapters.bench.realmusic;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Stereo 44.1 kHz float samples (interleaved, full scale 1.0) for the real-music library builder: decoded from
 * and written to files by ffmpeg over pipes (argument lists, never a shell), plus the few edits the builder
 * makes (fades, gain ramps, noise, silence). Stateless.
 */
final class Pcm {
    static final int RATE = 44_100;
    static final int CHANNELS = 2;

    private Pcm() {}

    /** Frames in {@code seconds}. */
    static int frames(double seconds) {
        return (int) Math.round(seconds * RATE);
    }

    /** Decodes {@code file} (any format ffmpeg reads), the first {@code maxSeconds} only when positive. */
    static float[] decode(Path file, double maxSeconds) {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-i", "file:" + file));
        if (maxSeconds > 0) {
            cmd.addAll(List.of("-t", String.format(java.util.Locale.ROOT, "%.6f", maxSeconds)));
        }
        cmd.addAll(List.of("-f", "f32le", "-ac", "2", "-ar", String.valueOf(RATE), "-"));
        try {
            Path err = Files.createTempFile("pcm-decode", ".log");
            try {
                Process p = new ProcessBuilder(cmd)
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectError(err.toFile())
                        .start();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
                try (InputStream in = p.getInputStream()) {
                    in.transferTo(bytes);
                }
                check(p, cmd, err);
                ByteBuffer b = ByteBuffer.wrap(bytes.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
                float[] out = new float[b.remaining() / 4 / CHANNELS * CHANNELS];
                b.asFloatBuffer().get(out);
                return out;
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run ffmpeg on " + file, e);
        }
    }

    /** Writes the pieces, one after the other, as a 16-bit stereo WAV file at 44.1 kHz. */
    static void writeWav(Path wav, List<float[]> pieces) {
        List<String> cmd = List.of(
                "ffmpeg",
                "-nostdin",
                "-v",
                "error",
                "-y",
                "-f",
                "f32le",
                "-ar",
                String.valueOf(RATE),
                "-ac",
                "2",
                "-i",
                "pipe:0",
                "-c:a",
                "pcm_s16le",
                "file:" + wav);
        try {
            Files.createDirectories(wav.toAbsolutePath().getParent());
            Path err = Files.createTempFile("pcm-write", ".log");
            try {
                Process p = new ProcessBuilder(cmd)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(err.toFile())
                        .start();
                try (OutputStream out = new BufferedOutputStream(p.getOutputStream(), 1 << 16)) {
                    ByteBuffer b = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
                    for (float[] piece : pieces) {
                        for (float v : piece) {
                            if (!b.hasRemaining()) {
                                out.write(b.array(), 0, b.position());
                                b.clear();
                            }
                            b.putFloat(v);
                        }
                    }
                    out.write(b.array(), 0, b.position());
                }
                check(p, cmd, err);
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + wav, e);
        }
    }

    /** Digital silence. */
    static float[] silence(double seconds) {
        return new float[frames(seconds) * CHANNELS];
    }

    /** White noise at an RMS of {@code rmsDbfs}, the same in both channels' statistics, reproducible by seed. */
    static float[] noise(double seconds, double rmsDbfs, long seed) {
        Random r = new Random(seed);
        double rms = Math.pow(10, rmsDbfs / 20);
        float[] s = new float[frames(seconds) * CHANNELS];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (r.nextGaussian() * rms);
        }
        return s;
    }

    /** Frames {@code [from, to)} of {@code s}, copied. */
    static float[] slice(float[] s, int fromFrame, int toFrame) {
        float[] out = new float[(toFrame - fromFrame) * CHANNELS];
        System.arraycopy(s, fromFrame * CHANNELS, out, 0, out.length);
        return out;
    }

    /** Multiplies in place by a linear fade from zero to full over the first {@code seconds}. */
    static void fadeIn(float[] s, double seconds) {
        int len = Math.min(s.length / CHANNELS, frames(seconds));
        for (int f = 0; f < len; f++) {
            float g = (float) f / len;
            for (int c = 0; c < CHANNELS; c++) {
                s[f * CHANNELS + c] *= g;
            }
        }
    }

    /** Multiplies in place by a linear fade from full to zero over the last {@code seconds}. */
    static void fadeOut(float[] s, double seconds) {
        int n = s.length / CHANNELS;
        int len = Math.min(n, frames(seconds));
        for (int i = 0; i < len; i++) {
            float g = (float) (len - i) / len;
            int f = n - len + i;
            for (int c = 0; c < CHANNELS; c++) {
                s[f * CHANNELS + c] *= g;
            }
        }
    }

    /**
     * Multiplies frames {@code [from, to)} in place by a gain of {@code gainDb}, reached and left by
     * {@code rampSeconds} ramps (linear in dB) inside that range.
     */
    static void duck(float[] s, int fromFrame, int toFrame, double gainDb, double rampSeconds) {
        int ramp = frames(rampSeconds);
        for (int f = fromFrame; f < toFrame; f++) {
            int edge = Math.min(f - fromFrame, toFrame - 1 - f);
            double db = edge >= ramp ? gainDb : gainDb * edge / ramp;
            float g = (float) Math.pow(10, db / 20);
            for (int c = 0; c < CHANNELS; c++) {
                s[f * CHANNELS + c] *= g;
            }
        }
    }

    /** Multiplies in place by {@code gainDb} with an exponential decay of {@code decayDbPerSecond} from the start. */
    static void gainWithDecay(float[] s, double gainDb, double decayDbPerSecond) {
        int n = s.length / CHANNELS;
        for (int f = 0; f < n; f++) {
            float g = (float) Math.pow(10, (gainDb - decayDbPerSecond * f / RATE) / 20);
            for (int c = 0; c < CHANNELS; c++) {
                s[f * CHANNELS + c] *= g;
            }
        }
    }

    /** RMS level in dBFS of frames {@code [from, to)}, both channels. */
    static double rmsDbfs(float[] s, int fromFrame, int toFrame) {
        double sum = 0;
        for (int i = fromFrame * CHANNELS; i < toFrame * CHANNELS; i++) {
            sum += (double) s[i] * s[i];
        }
        return 10 * Math.log10(Math.max(1e-20, sum / ((toFrame - fromFrame) * CHANNELS)));
    }

    private static void check(Process p, List<String> cmd, Path err) throws IOException {
        try {
            int code = p.waitFor();
            if (code != 0) {
                throw new IllegalStateException("ffmpeg failed (exit " + code + "): "
                        + Files.readString(err, StandardCharsets.UTF_8).trim() + "\ncommand: " + cmd);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + cmd, e);
        }
    }
}
