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
import io.wkmp.ingest.core.session.SessionStatus;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
        ImportProgress progress = new ImportProgress(err, noProgress);
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
                                    progress.notice(ImportReport.pendingReason(issue)
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
            SessionStatus done = progress.follow(session);
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

    private static void awaitQuietly(CountDownLatch reported) {
        try {
            reported.await(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
