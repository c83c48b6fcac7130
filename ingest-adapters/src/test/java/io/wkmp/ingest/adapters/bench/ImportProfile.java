package io.wkmp.ingest.adapters.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU of an offline import goes (docs/benchmarks.md "Whole import", run by {@code bench/import.sh
 * --profile}): runs {@code java -jar wkmp-ai.jar import DIR --offline --workers 1} under Java Flight Recorder
 * while polling {@code /proc} every 50 ms, then splits the import's CPU:
 *
 * <ul>
 *   <li>child processes (ffmpeg, ffprobe), exactly: shims put before them on the import's PATH time every run
 *       with GNU time, split by what the run was for (decode of the file, a passage cut to WAV for Essentia,
 *       cover pictures, ffprobe);
 *   <li>the JVM's threads, exactly per thread from {@code /proc/PID/task}: JIT compiler, GC, other VM threads
 *       (VM Thread, JFR), Java threads;
 *   <li>the Java threads' CPU split by stage in proportion to JFR's samples: execution samples (10 ms) by the
 *       stage that owns the stack, and native samples (20 ms) inside JNA as Chromaprint (other native samples are
 *       threads blocked in I/O and count for nothing).
 * </ul>
 *
 * <pre>java ... ImportProfile JAR DIR WORK</pre>
 */
public final class ImportProfile {
    private static final double TICK = 100.0; // USER_HZ
    private static final long POLL_MS = 50;

    /** Stages owning a whole stack wherever they appear in it, most specific first. */
    private static final String[][] OWNERS = {
        {"local flavour (TarsosDSP, LocalFlavorAnalyzer)", "io.wkmp.ingest.adapters.flavor.", "be.tarsos."},
        {
            "cover art (embedded/folder pictures, image checks)",
            "io.wkmp.ingest.adapters.coverart.",
            "io.wkmp.ingest.adapters.tags.CoverArtExtractor",
            "io.wkmp.ingest.adapters.tags.ImageCheck",
            "io.wkmp.ingest.adapters.tags.ImageFiles",
            "io.wkmp.ingest.adapters.tags.FolderImages",
            "io.wkmp.ingest.adapters.ffmpeg.FfmpegAttachedPictures",
            "javax.imageio.",
            "com.sun.imageio."
        },
        {"tags (jaudiotagger, ffprobe JSON)", "io.wkmp.ingest.adapters.tags.", "org.jaudiotagger.", "FfprobeJson"},
        {"hashing (SHA-256)", "io.wkmp.ingest.core.scan.ContentHash", "sun.security.provider.", "MessageDigest"},
        {"SQLite (Jdbi, sqlite-jdbc)", "io.wkmp.ingest.adapters.sqlite.", "org.sqlite.", "org.jdbi."},
    };
    /** Stages recognised at the leaf-most matching frame (the consumers of the one decode). */
    private static final String[][] LEAVES = {
        {
            "fingerprint (Java side: feeding, JNA)",
            "io.wkmp.ingest.adapters.chromaprint.",
            "com.sun.jna.",
            "io.wkmp.ingest.core.analysis.FingerprintFeeder"
        },
        {"envelope, segmentation, amplitude", "io.wkmp.ingest.core.segment.", "io.wkmp.ingest.core.amplitude."},
        {"waveform cells for the editor", "io.wkmp.ingest.core.audio.WaveformCells"},
        {
            "decode pipe: read and convert PCM",
            "io.wkmp.ingest.adapters.ffmpeg.",
            "io.wkmp.ingest.core.audio.",
            "io.wkmp.ingest.core.analysis.DelayLine",
            "java.io.FileInputStream"
        },
    };

    private ImportProfile() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: ImportProfile JAR DIR WORK");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        Path dir = Path.of(args[1]);
        Path work = Files.createDirectories(Path.of(args[2]));
        Path root = Files.createTempDirectory(work, "profile-root-");
        Path jfr = work.resolve("import.jfr");
        run(List.of("cp", "-al", dir.toString(), root.resolve("music").toString()));

        // ffmpeg and ffprobe are found on PATH: shims in front of them time every run exactly (GNU time)
        Path shims = Files.createDirectories(work.resolve("shims"));
        Path runs = work.resolve("children.log");
        Files.deleteIfExists(runs);
        for (String tool : List.of("ffmpeg", "ffprobe")) {
            Path shim = shims.resolve(tool);
            Files.writeString(
                    shim,
                    "#!/bin/sh\nexec /usr/bin/time -a -o '" + runs + "' -f '%U %S %C' '" + onPath(tool) + "' \"$@\"\n");
            shim.toFile().setExecutable(true);
        }
        double children0 = childrenSeconds();
        List<String> cmd = new ArrayList<>(List.of(javaBin()));
        String options = System.getenv("WKMP_JAVA_OPTS"); // the launcher's options (bench/import.sh passes them)
        if (options != null && !options.isBlank()) {
            cmd.addAll(List.of(options.trim().split("\\s+")));
        }
        cmd.addAll(List.of(
                "-XX:StartFlightRecording=filename=" + jfr + ",settings=profile",
                "-jar",
                jar.toString(),
                "import",
                root.resolve("music").toString(),
                "--root",
                root.toString(),
                "--offline",
                "--workers",
                "1",
                "--no-progress"));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectOutput(work.resolve("profile-import.out").toFile())
                .redirectError(work.resolve("profile-import.err").toFile());
        pb.environment().put("PATH", shims + ":" + System.getenv("PATH"));
        Process p = pb.start();
        long pid = p.pid();
        Map<Long, double[]> threads = new HashMap<>(); // tid -> user+sys seconds (last seen)
        Map<Long, String> names = new HashMap<>();
        double[] self = new double[1];
        while (!p.waitFor(POLL_MS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            poll(pid, threads, names, self);
        }
        double total = childrenSeconds() - children0; // the import JVM and everything it reaped
        double jvm = self[0];
        double kidsTotal = Math.max(0, total - jvm);

        // the JVM's threads by kind
        Map<String, Double> byKind = new LinkedHashMap<>();
        double javaThreads = 0;
        for (Map.Entry<Long, double[]> e : threads.entrySet()) {
            String kind = threadKind(names.get(e.getKey()));
            byKind.merge(kind, e.getValue()[0], Double::sum);
            if (kind.equals("Java threads")) {
                javaThreads += e.getValue()[0];
            }
        }
        // samples of the Java threads by stage
        Map<String, Double> stageWeight = new LinkedHashMap<>();
        for (String[] s : OWNERS) {
            stageWeight.put(s[0], 0.0);
        }
        for (String[] s : LEAVES) {
            stageWeight.put(s[0], 0.0);
        }
        stageWeight.put("Chromaprint native code (via JNA)", 0.0);
        stageWeight.put("other Java (engine, identification, JSON, logging)", 0.0);
        int[] counts = new int[2];
        Map<String, Integer> leaves = new HashMap<>();
        try (RecordingFile f = new RecordingFile(jfr)) {
            while (f.hasMoreEvents()) {
                RecordedEvent ev = f.readEvent();
                String type = ev.getEventType().getName();
                if (!type.equals("jdk.ExecutionSample") && !type.equals("jdk.NativeMethodSample")) {
                    continue;
                }
                if (ev.getStackTrace() == null) {
                    continue;
                }
                List<String> frames = new ArrayList<>();
                for (RecordedFrame fr : ev.getStackTrace().getFrames()) {
                    frames.add(fr.getMethod().getType().getName() + "."
                            + fr.getMethod().getName());
                }
                if (type.equals("jdk.NativeMethodSample")) {
                    if (frames.stream().anyMatch(x -> x.startsWith("com.sun.jna."))) {
                        stageWeight.merge("Chromaprint native code (via JNA)", 20.0, Double::sum);
                        counts[1]++;
                    }
                    continue;
                }
                counts[0]++;
                stageWeight.merge(stage(frames), 10.0, Double::sum);
                leaves.merge(frames.get(0), 1, Integer::sum);
            }
        }
        double weightTotal =
                stageWeight.values().stream().mapToDouble(Double::doubleValue).sum();

        Map<String, Double> kidsByKind = new TreeMap<>();
        Map<String, Integer> kidRuns = new TreeMap<>();
        for (String line : Files.readAllLines(runs)) {
            String[] f = line.split(" ", 3);
            if (f.length < 3 || !f[0].matches("[0-9.]+")) {
                continue; // time's own notes ("Command exited with non-zero status 1")
            }
            String kind = childKind(f[2]);
            kidsByKind.merge(kind, Double.parseDouble(f[0]) + Double.parseDouble(f[1]), Double::sum);
            kidRuns.merge(kind, 1, Integer::sum);
        }

        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "offline import of %s, 1 worker: %.1f s CPU in all (exit code %d)%n%n",
                dir,
                total,
                p.exitValue()));
        sb.append("| where | CPU s | share |\n|---|---|---|\n");
        row(sb, "**child processes** (ffmpeg, ffprobe)", kidsTotal, total);
        for (Map.Entry<String, Double> e : kidsByKind.entrySet()) {
            // the polls see most of each child's time; scale to the exact total
            row(sb, "· " + e.getKey() + " (" + kidRuns.get(e.getKey()) + " runs)", e.getValue(), total);
        }
        row(sb, "**JVM**", jvm, total);
        for (Map.Entry<String, Double> e : byKind.entrySet()) {
            if (!e.getKey().equals("Java threads")) {
                row(sb, "· " + e.getKey(), e.getValue(), total);
            }
        }
        row(sb, "· Java threads, split by JFR samples:", javaThreads, total);
        for (Map.Entry<String, Double> e : stageWeight.entrySet()) {
            row(sb, "· · " + e.getKey(), javaThreads * e.getValue() / weightTotal, total);
        }
        sb.append(String.format(
                Locale.ROOT,
                "%n%d execution samples, %d native samples in JNA; JFR recording %s%n",
                counts[0],
                counts[1],
                jfr));
        sb.append("\nhottest methods (execution samples at the leaf):\n");
        leaves.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(12)
                .forEach(e -> sb.append(String.format(Locale.ROOT, "  %5d  %s%n", e.getValue(), e.getKey())));
        System.out.print(sb);
    }

    private static void row(StringBuilder sb, String what, double seconds, double total) {
        sb.append(String.format(Locale.ROOT, "| %s | %.1f | %.0f %% |%n", what, seconds, 100 * seconds / total));
    }

    /** The stage a sampled stack belongs to. */
    static String stage(List<String> leafFirst) {
        for (String[] owner : OWNERS) {
            for (String frame : leafFirst) {
                if (matches(frame, owner)) {
                    return owner[0];
                }
            }
        }
        for (String frame : leafFirst) {
            for (String[] leaf : LEAVES) {
                if (matches(frame, leaf)) {
                    return leaf[0];
                }
            }
        }
        return "other Java (engine, identification, JSON, logging)";
    }

    private static boolean matches(String frame, String[] patterns) {
        for (int i = 1; i < patterns.length; i++) {
            if (frame.startsWith(patterns[i]) || frame.contains("." + patterns[i])) {
                return true;
            }
        }
        return false;
    }

    private static String threadKind(String name) {
        if (name == null) {
            return "other VM threads (VM Thread, JFR, signal, ...)";
        }
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return "JIT compiler threads";
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
            return "GC threads";
        }
        if (name.startsWith("VM ")
                || name.startsWith("JFR")
                || name.equals("Signal Dispatch")
                || name.startsWith("Service Thread")
                || name.startsWith("Sweeper")
                || name.startsWith("Common-Cleaner")
                || name.startsWith("Reference Handl")
                || name.equals("Finalizer")
                || name.startsWith("Notification")
                || name.startsWith("Attach Listener")) {
            return "other VM threads (VM Thread, JFR, signal, ...)";
        }
        return "Java threads";
    }

    /** One look at the import JVM's threads. */
    private static void poll(long pid, Map<Long, double[]> threads, Map<Long, String> names, double[] self) {
        Path proc = Path.of("/proc/" + pid);
        try {
            self[0] = Math.max(self[0], cpu(Files.readString(proc.resolve("stat"))));
            try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
                for (Path t : tasks.toList()) {
                    long tid = Long.parseLong(t.getFileName().toString());
                    try {
                        double s = cpu(Files.readString(t.resolve("stat")));
                        threads.computeIfAbsent(tid, k -> new double[1])[0] = s;
                        names.putIfAbsent(
                                tid, Files.readString(t.resolve("comm")).trim());
                    } catch (IOException gone) {
                        // the thread ended between list and read
                    }
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended
        }
    }

    /** What a child process was for, from its command line. */
    static String childKind(String cmd) {
        String tool = Path.of(cmd.split(" ", 2)[0]).getFileName().toString();
        if (tool.equals("ffprobe")) {
            return "ffprobe";
        }
        if (cmd.contains("pcm_s16le -y ")) {
            return "ffmpeg: a passage written to WAV (flavour)";
        }
        if (cmd.contains(" -acodec pcm_")) {
            return "ffmpeg: the decode of the file";
        }
        return "ffmpeg: other (cover pictures)";
    }

    /** The executable {@code tool} on this process's PATH. */
    private static String onPath(String tool) {
        for (String d : System.getenv("PATH").split(":")) {
            Path p = Path.of(d, tool);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        throw new IllegalStateException(tool + " is not on PATH");
    }

    /** utime + stime of a stat line, in seconds. */
    private static double cpu(String stat) {
        return field(stat, 11) + field(stat, 12);
    }

    /** cutime + cstime of this process: every child it reaped, and theirs. */
    private static double childrenSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        return field(stat, 13) + field(stat, 14);
    }

    /** Field {@code i} (0 = state) after the command name of a stat line, clock ticks as seconds. */
    private static double field(String stat, int i) {
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[i]) / TICK;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (!p.waitFor(Duration.ofMinutes(5).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                || p.exitValue() != 0) {
            throw new IOException("failed: " + cmd);
        }
    }
}
