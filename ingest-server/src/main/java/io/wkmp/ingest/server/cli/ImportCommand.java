package io.wkmp.ingest.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wkmp.ingest.adapters.sqlite.SqliteLibraryStore;
import io.wkmp.ingest.adapters.wiring.WkmpIngest;
import io.wkmp.ingest.core.error.CriticalIngestException;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.ImportIssue;
import io.wkmp.ingest.core.port.ImportSession;
import io.wkmp.ingest.core.scan.Folders;
import io.wkmp.ingest.core.session.ImportEvent;
import io.wkmp.ingest.core.session.SessionState;
import io.wkmp.ingest.core.session.SessionStatus;
import io.wkmp.ingest.core.session.WorkerActivity;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wkmp-ai import <folder>}: imports a folder with a live progress bar and a final summary. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Import a folder into the WKMP database (wkmp.db in the root folder, see --root).%n"
                + "Exit codes: 0 all imported, 1 some files skipped, 2 usage error, 3 import failed or cancelled,"
                + " 4 internal error.")
public final class ImportCommand implements Callable<Integer> {
    private static final Duration TICK = Duration.ofMillis(500);
    private static final Duration PLAIN_LINE_INTERVAL = Duration.ofSeconds(5);
    /** How long a signal waits for the cancelled import to wind down and report. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);
    /** Warnings said on screen when they first happen: a service that cannot be used leaves passages pending. */
    private static final Set<ErrorCode> LIVE_NOTICES =
            EnumSet.of(ErrorCode.ACOUSTID_LOOKUP_FAILED, ErrorCode.MBID_LOOKUP_FAILED);

    @Parameters(index = "0", paramLabel = "FOLDER", description = "the folder to import")
    Path folder;

    @Mixin
    EngineOptions options;

    @Option(names = "--json", description = "print the final summary as one JSON object on stdout")
    boolean json;

    @Option(names = "--no-progress", description = "no progress display")
    boolean noProgress;

    private final PrintStream out;
    private final PrintStream err;
    private volatile boolean progressBar;

    public ImportCommand() {
        this(System.out, System.err);
    }

    ImportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        try {
            Folders.realDirectory(folder, "folder");
        } catch (IllegalArgumentException e) {
            err.println("wkmp-ai: " + e.getMessage());
            return ImportReport.EXIT_USAGE;
        }
        Path root = options.rootFor(folder);
        Path database = root.toAbsolutePath().normalize().resolve(SqliteLibraryStore.FILE_NAME);
        // the first line comes before anything slow (opening the database, loading native libraries)
        err.println("wkmp-ai: importing " + folder.toAbsolutePath().normalize() + " into " + database
                + (options.offline() ? " (offline: no outside service is asked)" : ""));
        err.flush();
        WkmpIngest ingest;
        ImportSession session;
        try {
            ingest = options.open(root);
        } catch (IllegalArgumentException e) {
            err.println("wkmp-ai: " + e.getMessage());
            return ImportReport.EXIT_USAGE;
        } catch (CriticalIngestException | IllegalStateException e) {
            err.println("wkmp-ai: " + e.getMessage());
            return ImportReport.EXIT_FAILED;
        }
        CountDownLatch reported = new CountDownLatch(1);
        AtomicInteger exitCode = new AtomicInteger(ImportReport.EXIT_FAILED);
        Thread hook = null;
        try (ingest) {
            if (!options.offline() && !ingest.acoustIdKeyConfigured()) {
                err.println("wkmp-ai: no AcoustID API key: passages are imported with their fingerprints and their"
                        + " identification stays pending; set WKMP_ACOUSTID_API_KEY (or acoustid_api_key in"
                        + " ~/.config/wkmp/wkmp-ai.toml, or the key page of `wkmp-ai serve`) and run the same import"
                        + " again to finish it");
            }
            try {
                session = ingest.start(folder.toAbsolutePath(), ingest.parameters());
            } catch (IllegalArgumentException e) {
                err.println("wkmp-ai: " + e.getMessage());
                return ImportReport.EXIT_USAGE;
            }
            List<ImportIssue> issues = new ArrayList<>();
            Set<String> told = new HashSet<>();
            session.subscribe(
                    event -> {
                        if (event instanceof ImportEvent.IssueRaised) {
                            ImportIssue issue = ((ImportEvent.IssueRaised) event).issue();
                            synchronized (issues) {
                                issues.add(issue);
                                if (LIVE_NOTICES.contains(issue.code()) && told.add(issue.message())) {
                                    notice(ImportReport.pendingReason(issue)
                                            + " - identification stays pending (the summary says how to finish it)");
                                }
                            }
                        }
                    },
                    0);
            // SIGTERM / Ctrl-C: cancel, hold the JVM until the summary is out and the database closed, then end
            // with the documented exit code (3, CANCELLED) instead of the signal's 128 + n
            hook = new Thread(
                    () -> {
                        session.cancel();
                        awaitQuietly(reported);
                        Runtime.getRuntime().halt(exitCode.get());
                    },
                    "wkmp-ai-cancel");
            Runtime.getRuntime().addShutdownHook(hook);
            SessionStatus done = follow(session);
            removeQuietly(hook);
            hook = null;
            List<ImportIssue> all;
            synchronized (issues) {
                all = List.copyOf(issues);
            }
            if (json) {
                out.println(ImportReport.json(done, all, database, new ObjectMapper()));
            } else {
                out.print(ImportReport.table(done, all, database, options.offline()));
            }
            out.flush();
            exitCode.set(ImportReport.exitCode(done));
            return exitCode.get();
        } finally {
            if (hook != null) {
                removeQuietly(hook); // an unexpected failure: the hook must not turn its exit code into 3
            }
            reported.countDown();
        }
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it waits for this report
        }
    }

    /** A line on stderr while the import runs (above the progress bar on a terminal). */
    private void notice(String text) {
        err.println((progressBar ? "\n" : "") + "wkmp-ai: " + text);
        err.flush();
    }

    private static void awaitQuietly(CountDownLatch reported) {
        try {
            reported.await(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Shows progress until the session ends; a progress bar on a terminal, a line every few seconds otherwise. */
    private SessionStatus follow(ImportSession session) throws InterruptedException {
        boolean terminal = System.console() != null && !noProgress;
        if (!terminal) {
            return followPlain(session);
        }
        progressBar = true;
        try (ProgressBar bar = new ProgressBarBuilder()
                .setTaskName("Importing")
                .setInitialMax(0)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setConsumer(new ConsoleProgressBarConsumer(err))
                .setUpdateIntervalMillis(250)
                .setUnit(" files", 1)
                .build()) {
            SessionStatus s = session.status();
            while (!s.state().isTerminal()) {
                bar.maxHint(s.filesTotal());
                bar.stepTo(s.filesDone());
                bar.setExtraMessage(activity(s));
                s = session.await(TICK);
            }
            bar.maxHint(s.filesTotal());
            bar.stepTo(s.filesDone());
            bar.setExtraMessage(s.state().name());
            return s;
        }
    }

    /** A status line when the state changes (scanning, processing, ...) and every few seconds in between. */
    private SessionStatus followPlain(ImportSession session) throws InterruptedException {
        SessionStatus s = session.status();
        long next = 0;
        SessionState shown = null;
        while (!s.state().isTerminal()) {
            if (!noProgress && (System.nanoTime() >= next || s.state() != shown)) {
                err.println(line(s));
                next = System.nanoTime() + PLAIN_LINE_INTERVAL.toNanos();
                shown = s.state();
            }
            s = session.await(TICK);
        }
        if (!noProgress && shown != SessionState.PROCESSING && s.filesDone() > 0) {
            // files went by between two polls: the processing line still shows, with its final count
            err.println(String.format(
                    Locale.ROOT, "Processing %d of %d files (%.1f%%)", s.filesDone(), s.filesTotal(), s.percentage()));
        }
        return s;
    }

    /** "Processing 47 of 120 files (39.2%) | 2.31 files/s | ETA 0:31 | now: a.flac (decode)" */
    static String line(SessionStatus s) {
        StringBuilder b = new StringBuilder(s.currentOperation());
        if (s.state() == SessionState.SCANNING) {
            return b.toString();
        }
        b.append(String.format(Locale.ROOT, " (%.1f%%)", s.percentage()));
        if (s.ratePerSecond() > 0) {
            b.append(String.format(Locale.ROOT, " | %.2f files/s", s.ratePerSecond()));
        }
        if (s.etaSeconds() >= 0) {
            long eta = Math.round(s.etaSeconds());
            b.append(String.format(Locale.ROOT, " | ETA %d:%02d", eta / 60, eta % 60));
        }
        String a = activity(s);
        if (!a.isEmpty()) {
            b.append(" | now: ").append(a);
        }
        return b.toString();
    }

    private static String activity(SessionStatus s) {
        List<String> parts = new ArrayList<>();
        for (WorkerActivity w : s.workers()) {
            if (w.filePath() != null) {
                String name = w.filePath().substring(w.filePath().lastIndexOf('/') + 1);
                parts.add(name + " (" + w.stage() + ")");
            }
        }
        return s.state().name().equals("PAUSED") ? "PAUSED: " + s.pauseReason() : String.join(", ", parts);
    }
}
