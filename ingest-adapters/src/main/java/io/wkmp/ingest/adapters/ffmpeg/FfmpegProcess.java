package io.wkmp.ingest.adapters.ffmpeg;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

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

    /** What the process wrote to stderr (its last 8 KiB), as one line for a message: see {@link #oneLine}. */
    String errorText() {
        synchronized (stderr) {
            return oneLine(stderr.toString(StandardCharsets.UTF_8));
        }
    }

    /** ffmpeg's "[flac @ 0x55d3638cc3c0] " context: the codec or format name, then its address in memory. */
    private static final Pattern CONTEXT = Pattern.compile("\\[([^\\]@]+?) @ 0x[0-9a-fA-F]+\\]\\s*");

    /** Longest error text kept in a message. */
    static final int MAX_TEXT = 300;

    /**
     * ffmpeg's error output as one line: each distinct message once, in order, joined with "; ", the memory
     * address of the reporting context dropped ("[flac @ 0x55d3638cc3c0] invalid residual" becomes "flac: invalid
     * residual"), cut at {@value #MAX_TEXT} characters.
     */
    static String oneLine(String text) {
        Set<String> lines = new LinkedHashSet<>();
        for (String line : text.split("\\R")) {
            String l = CONTEXT.matcher(line.strip()).replaceAll("$1: ").strip();
            if (!l.isEmpty()) {
                lines.add(l);
            }
        }
        String one = String.join("; ", lines);
        return one.length() <= MAX_TEXT ? one : one.substring(0, MAX_TEXT - 3) + "...";
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
