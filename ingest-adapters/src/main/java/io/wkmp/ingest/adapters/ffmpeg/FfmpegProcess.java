package io.wkmp.ingest.adapters.ffmpeg;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One ffmpeg/ffprobe child process started from an argument list (never a shell), with stderr drained
 * on its own thread and kept (the last 8 KiB) for error messages. Closing always kills and reaps it.
 */
final class FfmpegProcess implements AutoCloseable {
    private static final int STDERR_KEEP = 8192;

    private final Process process;
    private final Thread drainer;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private FfmpegProcess(Process process) {
        this.process = process;
        this.drainer = new Thread(this::drain, "ffmpeg-stderr-" + process.pid());
        this.drainer.setDaemon(true);
        this.drainer.start();
    }

    /** Starts {@code command}; stdin is closed at once. */
    static FfmpegProcess start(List<String> command) {
        try {
            Process p = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .start();
            return new FfmpegProcess(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0) + " (is ffmpeg installed and on PATH?)", e);
        }
    }

    /** ffmpeg's input argument for a local file: the {@code file:} protocol, so no name is read as an option or URL. */
    static String input(Path file) {
        return "file:" + file.toAbsolutePath();
    }

    static List<String> args(String... parts) {
        return new ArrayList<>(List.of(parts));
    }

    InputStream stdout() {
        return process.getInputStream();
    }

    /** Waits for the process to end and returns its exit code. */
    int waitFor() throws InterruptedException {
        int code = process.waitFor();
        drainer.join(1000);
        return code;
    }

    /** What the process wrote to stderr (its last 8 KiB), trimmed. */
    String errorText() {
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8).trim();
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        boolean interrupted = false;
        while (true) {
            try {
                process.waitFor();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        byte[] buf = new byte[4096];
        try (InputStream in = process.getErrorStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (stderr) {
                    if (stderr.size() + n > STDERR_KEEP) {
                        byte[] old = stderr.toByteArray();
                        stderr.reset();
                        int keep = Math.max(0, STDERR_KEEP / 2 - n);
                        stderr.write(old, Math.max(0, old.length - keep), Math.min(keep, old.length));
                    }
                    stderr.write(buf, 0, n);
                }
            }
        } catch (IOException e) {
            // the process was killed; nothing more to read
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File("/dev/null");
    }
}
