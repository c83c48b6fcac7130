package io.wkmp.ingest.adapters.sqlite;

import io.wkmp.ingest.core.library.FileImport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Measures files/second for committing synthetic file results (3 identified passages each) to a fresh
 * database file: one transaction per file against batches of 10 files, from 1 and from 4 producer threads.
 * Runs alternate (per-file, batched, per-file, ...) so machine load affects both alike; medians are reported.
 * Arguments: [files per run, default 10000] [rounds, default 3].
 */
public final class StoreBenchmark {
    private static final int PASSAGES = 3;

    private StoreBenchmark() {}

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("store-bench");
        try {
            run(dir.resolve("warmup"), Math.min(files, 2000), 1, 1); // JIT warm-up, not reported
            System.out.printf(
                    Locale.ROOT,
                    "Committing %d synthetic file results (%d passages each), fresh wkmp.db per run%n",
                    files,
                    PASSAGES);
            for (int threads : new int[] {1, 4}) {
                double[] single = new double[rounds];
                double[] batch = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    single[r] = run(dir.resolve("single-" + threads + "-" + r), files, threads, 1);
                    batch[r] = run(dir.resolve("batch-" + threads + "-" + r), files, threads, 10);
                }
                System.out.printf(
                        Locale.ROOT,
                        "%d producer thread(s): per-file %.0f files/s %s, batches of 10 %.0f files/s %s,"
                                + " ratio of medians %.2fx%n",
                        threads,
                        median(single),
                        rounded(single),
                        median(batch),
                        rounded(batch),
                        median(batch) / median(single));
            }
        } finally {
            deleteTree(dir);
        }
    }

    /** Writes {@code files} results from {@code threads} threads, {@code batch} per transaction; returns files/s. */
    private static double run(Path root, int files, int threads, int batch) throws Exception {
        List<FileImport> all = new ArrayList<>(files);
        for (int i = 0; i < files; i++) {
            all.add(Results.identified(
                    "Artist " + (i / 100) + "/Album " + (i / 10) + "/track" + i + ".flac", PASSAGES));
        }
        try (SqliteLibraryStore store = SqliteLibraryStore.open(root)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long t0 = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    List<FileImport> pending = new ArrayList<>(batch);
                    for (int i = first; i < files; i += threads) {
                        pending.add(all.get(i));
                        if (pending.size() == batch) {
                            store.write(pending);
                            pending = new ArrayList<>(batch);
                        }
                    }
                    store.write(pending);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            if (store.knownFiles().size() != files) {
                throw new IllegalStateException("expected " + files + " files, found "
                        + store.knownFiles().size());
            }
            return files / seconds;
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String rounded(double[] values) {
        return java.util.Arrays.stream(values)
                .mapToObj(v -> String.format(Locale.ROOT, "%.0f", v))
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
