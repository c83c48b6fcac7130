package io.wkmp.ingest.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wkmp.ingest.core.engine.SessionStatus;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.ImportIssue;
import io.wkmp.ingest.core.error.Severity;
import io.wkmp.ingest.core.session.SessionState;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The end of an import on the command line: summary table, JSON summary and exit code. */
final class ImportReport {
    /** Every file imported (or already imported, or a recorded duplicate). */
    static final int EXIT_OK = 0;
    /** The session completed but some files were skipped. */
    static final int EXIT_SOME_SKIPPED = 1;
    /** Bad command line or folder. */
    static final int EXIT_USAGE = 2;
    /** The session failed or was cancelled. */
    static final int EXIT_FAILED = 3;

    private ImportReport() {}

    static int exitCode(SessionStatus s) {
        if (s.state() != SessionState.COMPLETED) {
            return EXIT_FAILED;
        }
        return s.filesSkipped() > 0 ? EXIT_SOME_SKIPPED : EXIT_OK;
    }

    /** A human summary table. */
    static String table(SessionStatus s, List<ImportIssue> allIssues) {
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
        row(b, "  identified (ACCEPT)", s.accepted());
        row(b, "  to review (REVIEW)", s.review());
        row(b, "  unidentified (REJECT)", s.rejected());
        row(b, "  identification pending", s.pending());
        if (s.ratePerSecond() > 0) {
            b.append(String.format(Locale.ROOT, "  %-32s %10.2f%n", "files/second", s.ratePerSecond()));
        }
        Map<ErrorCode, Integer> skippedBy = new TreeMap<>();
        for (ImportIssue i : allIssues) {
            if (i.severity() == Severity.SKIP_FILE) {
                skippedBy.merge(i.code(), 1, Integer::sum);
            }
        }
        if (!skippedBy.isEmpty()) {
            b.append(String.format("%nSkipped files:%n"));
            for (ImportIssue i : allIssues) {
                if (i.severity() == Severity.SKIP_FILE) {
                    b.append(String.format("  %-20s %s: %s%n", i.code(), i.filePath(), i.message()));
                }
            }
        }
        for (ImportIssue i : allIssues) {
            if (i.severity() == Severity.CRITICAL) {
                b.append(String.format("%nFailed: %s %s%n", i.code(), i.message()));
            }
        }
        return b.toString();
    }

    /** The summary as one JSON object (for --json). */
    static String json(SessionStatus s, List<ImportIssue> allIssues, ObjectMapper mapper) {
        ObjectNode o = mapper.createObjectNode();
        o.put("session_id", s.sessionId());
        o.put("state", s.state().name());
        o.put("folder", s.folder());
        o.put("elapsed_seconds", s.elapsedSeconds());
        o.put("files_found", s.filesTotal());
        o.put("files_imported", s.filesImported());
        o.put("files_unchanged", s.filesUnchanged());
        o.put("files_duplicate", s.filesDuplicate());
        o.put("files_skipped", s.filesSkipped());
        o.put("passages_created", s.passagesCreated());
        ObjectNode id = o.putObject("identification");
        id.put("accepted", s.accepted());
        id.put("review", s.review());
        id.put("rejected", s.rejected());
        id.put("pending", s.pending());
        ArrayNode issues = o.putArray("issues");
        for (ImportIssue i : allIssues) {
            ObjectNode n = issues.addObject();
            n.put("file_path", i.filePath());
            n.put("error_code", i.code().name());
            n.put("severity", i.severity().name());
            n.put("error_message", i.message());
        }
        o.put("exit_code", exitCode(s));
        try {
            return mapper.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("summary could not be written as JSON", e);
        }
    }

    private static void row(StringBuilder b, String label, int value) {
        b.append(String.format(Locale.ROOT, "  %-32s %10d%n", label, value));
    }
}
