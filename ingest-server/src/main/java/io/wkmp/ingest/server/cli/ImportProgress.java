package io.wkmp.ingest.server.cli;

import io.wkmp.ingest.core.port.ImportSession;
import io.wkmp.ingest.core.session.SessionState;
import io.wkmp.ingest.core.session.SessionStatus;
import io.wkmp.ingest.core.session.WorkerActivity;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress of {@code wkmp-ai import} on stderr: a progress bar on a terminal, a status line every few seconds
 * otherwise, and notices while the import runs.
 */
final class ImportProgress {
    private static final Duration TICK = Duration.ofMillis(500);
    private static final Duration PLAIN_LINE_INTERVAL = Duration.ofSeconds(5);

    private final PrintStream err;
    private final boolean noProgress;
    private volatile boolean progressBar;

    ImportProgress(PrintStream err, boolean noProgress) {
        this.err = err;
        this.noProgress = noProgress;
    }

    /** A line on stderr while the import runs (above the progress bar on a terminal). */
    void notice(String text) {
        err.println((progressBar ? "\n" : "") + "wkmp-ai: " + text);
        err.flush();
    }

    /** Shows progress until the session ends; a progress bar on a terminal, a line every few seconds otherwise. */
    SessionStatus follow(ImportSession session) throws InterruptedException {
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
        return s.state() == SessionState.PAUSED ? "PAUSED: " + s.pauseReason() : String.join(", ", parts);
    }
}
