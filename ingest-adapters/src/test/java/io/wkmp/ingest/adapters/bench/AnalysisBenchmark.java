package io.wkmp.ingest.adapters.bench;

import io.wkmp.ingest.testkit.audio.AudioEncoder;
import io.wkmp.ingest.testkit.audio.AudioSynth;
import io.wkmp.ingest.testkit.audio.EncodedFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Audio-analysis benchmark (docs/benchmarks.md "Audio analysis"). For each file of a folder it measures,
 * in the same run, the CPU time of the whole pipeline (a fresh JVM running {@link AnalyzeOne} with
 * -Xmx256m, its ffmpeg child included) against a decode-only baseline ({@code ffmpeg -f null}) plus
 * {@code fpcalc}, and the pipeline's peak RSS. CPU comes from this process's cutime/cstime in
 * /proc/self/stat, which include every reaped descendant. With {@code --synth DIR} it first writes a
 * 10-minute and a 60-minute synthetic FLAC album there.
 */
public final class AnalysisBenchmark {
    private AnalysisBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[args.length - 1]);
        if (args[0].equals("--synth")) {
            synthesize(folder);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> !p.toString().endsWith(".wav")).sorted().toList();
        }
        System.out.printf(
                "%-28s %8s %9s %12s %10s %8s %12s%n",
                "file", "audio s", "passages", "pipeline cpu", "ffmpeg+fp", "ratio", "peak RSS MB");
        double pipeTotal = 0;
        double baseTotal = 0;
        for (Path f : files) {
            long c0 = childCpuTicks();
            String[] out = run(List.of(
                            javaBin(),
                            "-Xmx256m",
                            "-cp",
                            System.getProperty("java.class.path"),
                            AnalyzeOne.class.getName(),
                            f.toString()))
                    .trim()
                    .split(" ");
            long c1 = childCpuTicks();
            run(List.of("ffmpeg", "-nostdin", "-v", "error", "-i", "file:" + f, "-f", "null", "-"));
            run(List.of("fpcalc", f.toString()));
            long c2 = childCpuTicks();
            double pipe = (c1 - c0) / 100.0;
            double base = (c2 - c1) / 100.0;
            pipeTotal += pipe;
            baseTotal += base;
            System.out.printf(
                    "%-28s %8s %9s %11.2fs %9.2fs %8.2f %12.1f%n",
                    f.getFileName(), out[1], out[0], pipe, base, pipe / base, Long.parseLong(out[2]) / 1024.0);
        }
        System.out.printf(
                "TOTAL pipeline %.2fs CPU vs ffmpeg -f null + fpcalc %.2fs CPU: ratio %.2f%n",
                pipeTotal, baseTotal, pipeTotal / baseTotal);
    }

    private static void synthesize(Path dir) {
        for (int minutes : new int[] {10, 60}) {
            AudioSynth b = AudioSynth.builder(44_100, 2);
            for (int t = 0; t < minutes / 5; t++) {
                b.music(298_000, 100 + t).silence(2_000);
            }
            Path wav = b.build().writeWav(dir.resolve(minutes + "min.wav"));
            AudioEncoder.encode(wav, dir.resolve(minutes + "min.flac"), EncodedFormat.FLAC, Map.of());
            try {
                Files.delete(wav);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** utime+stime of reaped children (and their descendants), in clock ticks (1/100 s). */
    private static long childCpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(cmd))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(cmd + " failed");
        }
        return out;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
