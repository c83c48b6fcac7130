package io.wkmp.ingest.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.ImportIssue;
import io.wkmp.ingest.core.error.Severity;
import io.wkmp.ingest.core.session.SessionState;
import io.wkmp.ingest.core.session.SessionStatus;
import io.wkmp.ingest.server.wire.ImportSummary;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The end of an import on the command line: summary table, JSON summary and exit code. */
final class ImportReport {
    /** Every file imported (or already imported, or a recorded duplicate). */
    static final int EXIT_OK = 0;
    /** The session completed but some files were skipped. */
    static final int EXIT_SOME_SKIPPED = 1;
    /** Bad command line or folder. */
    static final int EXIT_USAGE = 2;
    /** The session failed or was cancelled, or the database could not be opened. */
    static final int EXIT_FAILED = 3;

    /** Warnings that leave a file's passages PENDING: a service could not be used. */
    static final Set<ErrorCode> PENDING_CAUSES =
            EnumSet.of(ErrorCode.ACOUSTID_INVALID_KEY, ErrorCode.ACOUSTID_LOOKUP_FAILED, ErrorCode.MBID_LOOKUP_FAILED);

    private static final String PENDING_PREFIX = "identification pending: ";
    private static final String NOT_DECODED_AGAIN =
            "the pending passages are identified from their stored fingerprints, no file is decoded again";

    private ImportReport() {}

    static int exitCode(SessionStatus s) {
        if (s.state() != SessionState.COMPLETED) {
            return EXIT_FAILED;
        }
        return s.filesSkipped() > 0 ? EXIT_SOME_SKIPPED : EXIT_OK;
    }

    /** The reason a pending-cause warning gives, without the common prefix. */
    static String pendingReason(ImportIssue i) {
        String m = i.message();
        return m.startsWith(PENDING_PREFIX) ? m.substring(PENDING_PREFIX.length()) : m;
    }

    /** A human summary table, then what stayed pending and why, skipped files and a failure. */
    static String table(SessionStatus s, List<ImportIssue> allIssues, Path database, boolean offline) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "%nImport %s in %s (%.1f s)%n",
                s.state(),
                s.folder().isEmpty() ? "root folder" : s.folder(),
                s.elapsedSeconds()));
        row(b, "files found", s.filesTotal());
        row(b, "  imported", s.filesImported());
        row(b, "  unchanged (already imported)", s.filesUnchanged());
        row(b, "  duplicates (same content)", s.filesDuplicate());
        row(b, "  skipped", s.filesSkipped());
        row(b, "passages written", s.passagesCreated());
        b.append("  identifications made by this run\n");
        row(b, "  identified (ACCEPT)", s.accepted());
        row(b, "  to review (REVIEW)", s.review());
        row(b, "  unidentified (REJECT)", s.rejected());
        if (s.stillPending() >= 0) {
            row(b, "identification pending in this folder", s.stillPending());
        } else {
            row(b, "identification left pending by this run", s.pending());
        }
        if (s.ratePerSecond() > 0) {
            b.append(String.format(Locale.ROOT, "  %-40s %6.2f%n", "files/second", s.ratePerSecond()));
        }
        b.append("Database: ").append(database).append('\n');
        int undecided = s.review() + s.rejected();
        if (undecided > 0) {
            Path root = database.getParent();
            b.append(String.format(
                    Locale.ROOT,
                    "%n%d %s of this run need a person (REVIEW or REJECT): see and decide them with%n"
                            + "  wkmp-ai review \"%s\" --root \"%s\"%n",
                    undecided,
                    undecided == 1 ? "passage" : "passages",
                    root.resolve(s.folder()),
                    root));
        }
        pending(b, s, allIssues, offline);
        boolean skipped = false;
        for (ImportIssue i : allIssues) {
            if (i.severity() == Severity.SKIP_FILE) {
                if (!skipped) {
                    b.append(String.format("%nSkipped files:%n"));
                    skipped = true;
                }
                b.append(String.format("  %-20s %s: %s%n", i.code(), i.filePath(), i.message()));
            }
        }
        for (ImportIssue i : allIssues) {
            if (i.severity() == Severity.CRITICAL) {
                b.append(String.format("%nFailed: %s %s%n", i.code(), i.message()));
            }
        }
        return b.toString();
    }

    /** What stays pending in the folder, why (each reason once, with the files it concerns) and how to finish it. */
    private static void pending(StringBuilder b, SessionStatus s, List<ImportIssue> allIssues, boolean offline) {
        int pending = s.stillPending() >= 0 ? s.stillPending() : s.pending();
        if (pending <= 0) {
            return;
        }
        Map<String, Set<String>> filesByReason = new LinkedHashMap<>();
        Set<ErrorCode> causes = EnumSet.noneOf(ErrorCode.class);
        for (ImportIssue i : allIssues) {
            if (PENDING_CAUSES.contains(i.code()) && i.filePath() != null) {
                filesByReason
                        .computeIfAbsent(pendingReason(i), k -> new LinkedHashSet<>())
                        .add(i.filePath());
                causes.add(i.code());
            }
        }
        b.append(String.format("%nIdentification pending for %d passages in this folder:%n", pending));
        if (offline) {
            b.append("  the import ran offline (--offline)\n");
        }
        filesByReason.forEach((reason, files) -> b.append(String.format(
                Locale.ROOT, "  %s (%d %s)%n", reason, files.size(), files.size() == 1 ? "file" : "files")));
        if (!offline && filesByReason.isEmpty()) {
            b.append("  left pending by an earlier run\n");
        }
        if (offline) {
            b.append("  To finish: run the same import again without --offline; " + NOT_DECODED_AGAIN + ".\n");
        } else if (causes.contains(ErrorCode.ACOUSTID_INVALID_KEY)) {
            b.append(
                    "  To finish: set an AcoustID API key (environment variable WKMP_ACOUSTID_API_KEY, acoustid_api_key"
                            + " in ~/.config/wkmp/wkmp-ai.toml, or the key page of `wkmp-ai serve`), then run the same import"
                            + " again; " + NOT_DECODED_AGAIN + ".\n");
        } else {
            b.append("  To finish: run the same import again once the services answer; " + NOT_DECODED_AGAIN + ".\n");
        }
    }

    /** The summary as one JSON object (for --json). */
    static String json(SessionStatus s, List<ImportIssue> allIssues, Path database, ObjectMapper mapper) {
        ImportSummary o = ImportSummary.of(s, allIssues, database.toString(), exitCode(s));
        try {
            return mapper.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("summary could not be written as JSON", e);
        }
    }

    private static void row(StringBuilder b, String label, int value) {
        b.append(String.format(Locale.ROOT, "  %-40s %6d%n", label, value));
    }
}
