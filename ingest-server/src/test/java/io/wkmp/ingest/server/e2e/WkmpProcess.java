package io.wkmp.ingest.server.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * wkmp-ai in a child process, output kept in files: {@code io.wkmp.ingest.server.Main} on the test classpath, the
 * shaded {@code wkmp-ai.jar} as users run it ({@code java -jar}), or any command (the {@code ./wkmp-ai} launcher).
 */
final class WkmpProcess {
    /** The shaded jar {@code mvn package} built (Failsafe passes its path). */
    static final String JAR_PROPERTY = "wkmp.jar";

    final Process process;
    private final Path stdout;
    private final Path stderr;

    private WkmpProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** {@code java -cp <test classpath> io.wkmp.ingest.server.Main <args>}, output into {@code logDir}. */
    static WkmpProcess onClasspath(Path logDir, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(
                java(), "-Xmx256m", "-cp", System.getProperty("java.class.path"), "io.wkmp.ingest.server.Main"));
        cmd.addAll(args);
        return command(logDir, null, Map.of(), cmd);
    }

    /**
     * {@code java -jar wkmp-ai.jar <args>} with the environment of this JVM less every {@code WKMP_*} variable, plus
     * {@code env} (e.g. HOME, WKMP_ACOUSTID_API_KEY). A HOME given there is also the JVM's {@code user.home} (Java
     * takes it from the password database, not from $HOME), so ~/Music, ~/.config and ~/.cache are that folder's.
     */
    static WkmpProcess jar(Path logDir, Map<String, String> env, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx512m"));
        if (env.containsKey("HOME")) {
            cmd.add("-Duser.home=" + env.get("HOME"));
        }
        cmd.addAll(List.of("-jar", jar().toString()));
        cmd.addAll(args);
        return command(logDir, null, env, cmd);
    }

    /** {@code cmd} in {@code workDir} (null: this JVM's), environment as for {@link #jar}, no standard input. */
    static WkmpProcess command(Path logDir, Path workDir, Map<String, String> env, List<String> cmd) {
        try {
            Files.createDirectories(logDir);
            Path out = logDir.resolve("stdout.txt");
            Path err = logDir.resolve("stderr.txt");
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            if (workDir != null) {
                pb.directory(workDir.toFile());
            }
            pb.environment().keySet().removeIf(k -> k.startsWith("WKMP_"));
            pb.environment().putAll(env);
            return new WkmpProcess(pb.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shaded jar under test. */
    static Path jar() {
        String p = System.getProperty(JAR_PROPERTY);
        if (p == null || !Files.isRegularFile(Path.of(p))) {
            throw new IllegalStateException("no runnable jar at -D" + JAR_PROPERTY + "=" + p
                    + " (the *IT tests run after `mvn package`, through `mvn verify`)");
        }
        return Path.of(p);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits for the exit; kills the child and fails when it takes longer than {@code timeout}. */
    int await(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(
                    "wkmp-ai did not finish in " + timeout + "; stdout:\n" + stdout() + "\nstderr:\n" + stderr());
        }
        return process.exitValue();
    }

    /**
     * Waits until {@code pattern} matches a line of stdout or stderr and returns the match; fails when the process
     * ends first or {@code timeout} passes.
     */
    Matcher awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Matcher> m = Stream.concat(stdout().lines(), stderr().lines())
                    .map(pattern::matcher)
                    .filter(Matcher::find)
                    .findFirst();
            if (m.isPresent()) {
                return m.get();
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("no line matching " + pattern + (process.isAlive() ? "" : " (process ended)")
                        + "; stdout:\n" + stdout() + "\nstderr:\n" + stderr());
            }
            Thread.sleep(50);
        }
    }

    String stdout() {
        return read(stdout);
    }

    String stderr() {
        return read(stderr);
    }

    /** Both outputs, for assertion messages. */
    String output() {
        return "stdout:\n" + stdout() + "\nstderr:\n" + stderr();
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
