package io.wkmp.ingest.adapters.bench;

import io.wkmp.ingest.adapters.wiring.WkmpIngest;
import io.wkmp.ingest.core.session.SessionStatus;
import io.wkmp.ingest.testkit.audio.EncodedFormat;
import io.wkmp.ingest.testkit.fakes.FakeAcoustIdServer;
import io.wkmp.ingest.testkit.fakes.FakeAcousticBrainzServer;
import io.wkmp.ingest.testkit.fakes.FakeMusicBrainzServer;
import io.wkmp.ingest.testkit.fakes.FakeService;
import io.wkmp.ingest.testkit.library.SynthLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Import-engine benchmark (docs/benchmarks.md "Import engine"): one synthesized library (~20 files, FLAC,
 * MP3, Ogg, M4A and a 3-track album file) imported with 1, 2 and 4 workers against the fake services at
 * the REAL rate limits (AcoustID 3/s, MusicBrainz 1/s, AcousticBrainz 1/s, client and server side), each run
 * into a fresh root (fresh database, so fresh response caches). Prints wall time, CPU time (this JVM plus
 * its reaped ffmpeg children, /proc/self/stat), requests per service per file, and wall / lower bound where
 * the bound is max(CPU / cores, the busiest service's requests x its interval).
 */
public final class EngineBenchmark {
    private static final String KEY = "benchKey";

    private EngineBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path base = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "/tmp/wkmp-engine-bench"));
        int songs = args.length > 1 ? Integer.parseInt(args[1]) : 19;
        EncodedFormat[] formats = {EncodedFormat.FLAC, EncodedFormat.MP3, EncodedFormat.OGG, EncodedFormat.M4A};
        SynthLibrary.Builder b = SynthLibrary.builder(base.resolve("library-" + System.nanoTime()));
        for (int i = 0; i < songs; i++) {
            b.song(formats[i % formats.length], 15_000 + 500L * (i % 7));
        }
        SynthLibrary library = b.album(EncodedFormat.FLAC, "Waveforms", 2_000, 15_000, 16_000, 17_000)
                .build();
        int files = library.files().size();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(
                "library: %d files (%d passages), %d cores%n",
                files, library.files().stream().mapToInt(f -> f.tracks().size()).sum(), cores);
        System.out.printf(
                "%7s %8s %8s %9s %9s %9s %9s %9s %8s %10s%n",
                "workers",
                "wall s",
                "cpu s",
                "acoustid",
                "mbrainz",
                "abrainz",
                "cpu bound",
                "net bound",
                "ratio",
                "violations a/m/ab");
        try (FakeAcoustIdServer acoustId = new FakeAcoustIdServer(library.catalog(), Set.of(KEY));
                FakeMusicBrainzServer musicBrainz = new FakeMusicBrainzServer(library.catalog());
                FakeAcousticBrainzServer acousticBrainz = new FakeAcousticBrainzServer(library.catalog())) {
            for (int workers : new int[] {1, 2, 4}) {
                Path root = Files.createDirectories(base.resolve("root-" + workers + "-" + System.nanoTime()));
                library.copyTo(root.resolve("music"));
                List<FakeService> fakes = List.of(acoustId, musicBrainz, acousticBrainz);
                fakes.forEach(FakeService::resetCounters);
                double cpu0 = cpuSeconds();
                long t0 = System.nanoTime();
                SessionStatus s;
                try (WkmpIngest ingest = WkmpIngest.forRoot(root)
                        .acoustIdKey(KEY)
                        .configFile(root.resolve("none.toml"))
                        .environment(Map.of("PATH", System.getenv("PATH")))
                        .parameter("acoustid_base_url", acoustId.apiUrl())
                        .parameter("musicbrainz_base_url", musicBrainz.apiUrl())
                        .parameter("acousticbrainz_base_url", acousticBrainz.apiUrl())
                        .parameter("ai_processing_thread_count", String.valueOf(workers))
                        .parameter("fetch_cover_art", "false")
                        .build()) {
                    s = ingest.start(root.resolve("music")).await(Duration.ofMinutes(30));
                }
                double wall = (System.nanoTime() - t0) / 1e9;
                double cpu = cpuSeconds() - cpu0;
                double cpuBound = cpu / cores;
                double netBound = Math.max(
                                acoustId.totalRequests() * FakeAcoustIdServer.MIN_INTERVAL_MS,
                                Math.max(
                                        musicBrainz.totalRequests() * FakeMusicBrainzServer.MIN_INTERVAL_MS,
                                        acousticBrainz.totalRequests() * FakeAcousticBrainzServer.MIN_INTERVAL_MS))
                        / 1000.0;
                System.out.printf(
                        "%7d %8.1f %8.1f %9.2f %9.2f %9.2f %9.1f %9.1f %8.2f %10s   %s, %d accepted, %s %s%n",
                        workers,
                        wall,
                        cpu,
                        (double) acoustId.totalRequests() / files,
                        (double) musicBrainz.totalRequests() / files,
                        (double) acousticBrainz.totalRequests() / files,
                        cpuBound,
                        netBound,
                        wall / Math.max(cpuBound, netBound),
                        acoustId.rateLimitViolations() + "/" + musicBrainz.rateLimitViolations() + "/"
                                + acousticBrainz.rateLimitViolations(),
                        s.state(),
                        s.accepted(),
                        acoustId.requestCounts(),
                        musicBrainz.requestCounts());
            }
        }
    }

    /** User+system CPU of this JVM plus its reaped children (ffmpeg, ffprobe), from /proc/self/stat at 100 ticks/s. */
    private static double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = 0;
        for (int i = 11; i <= 14; i++) { // utime, stime, cutime, cstime
            ticks += Long.parseLong(f[i]);
        }
        return ticks / 100.0;
    }
}
