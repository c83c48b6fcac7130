package io.wkmp.ingest.server.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** {@code wkmp-ai} ({@code io.wkmp.ingest.server.Main}) in a child JVM on the test classpath, output kept in files. */
final class ChildImport {
    final Process process;
    private final Path stdout;
    private final Path stderr;

    private ChildImport(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts {@code java -cp <test classpath> io.wkmp.ingest.server.Main <args>}, output into {@code logDir}. */
    static ChildImport start(Path logDir, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                "io.wkmp.ingest.server.Main"));
        cmd.addAll(args);
        try {
            Files.createDirectories(logDir);
            Path out = logDir.resolve("stdout.txt");
            Path err = logDir.resolve("stderr.txt");
            Process p = new ProcessBuilder(cmd)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            return new ChildImport(p, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the exit; kills the child and fails when it takes longer than {@code timeout}. */
    int await(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("wkmp-ai did not finish in " + timeout + "; stderr:\n" + stderr());
        }
        return process.exitValue();
    }

    String stdout() {
        return read(stdout);
    }

    String stderr() {
        return read(stderr);
    }

    /** Live ffmpeg, ffprobe or fpcalc processes whose command line names {@code path} (children, orphaned or not). */
    static List<String> toolsWorkingOn(Path path) {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(ProcessHandle::isAlive)
                    .map(h -> h.info().commandLine().orElse(""))
                    .filter(c -> c.matches("^\\S*(ffmpeg|ffprobe|fpcalc)\\s.*") && c.contains(path.toString()))
                    .toList();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
