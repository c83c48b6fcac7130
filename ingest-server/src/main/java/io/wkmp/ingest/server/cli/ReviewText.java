package io.wkmp.ingest.server.cli;

import io.wkmp.ingest.core.identification.Candidate;
import io.wkmp.ingest.core.identification.EvidenceSummary;
import io.wkmp.ingest.core.library.ReviewPassage;
import io.wkmp.ingest.core.time.Ticks;
import java.util.Locale;

/** A passage under review as {@code wkmp-ai review} prints it on a terminal. Stateless. */
final class ReviewText {
    private ReviewText() {}

    /** One passage as the terminal shows it: a heading line, the evidence table, the candidates. */
    static String of(ReviewPassage p) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "%s  %s%s  %s  %s-%s%n",
                p.guid(),
                p.decision(),
                // a confidence without a breakdown is no assessment (PENDING stores 0)
                p.confidence() == null || p.breakdown().isEmpty()
                        ? ""
                        : String.format(Locale.ROOT, " %.2f", p.confidence()),
                p.fileRelativePath(),
                Ticks.format(p.timing().start()),
                Ticks.format(p.timing().end())));
        b.append("  ")
                .append(p.title() == null ? "(no title)" : p.title())
                .append(p.artist() == null ? "" : " - " + p.artist())
                .append(p.album() == null ? "" : " (" + p.album() + ")")
                .append(System.lineSeparator());
        if (p.recordingMbid() != null) {
            b.append("  recording ").append(p.recordingMbid()).append(System.lineSeparator());
        }
        if (p.userDecision() != null) {
            b.append(String.format(
                    Locale.ROOT,
                    "  decided by %s at %s: %s%n",
                    p.userDecision().by(),
                    p.userDecision().at(),
                    p.userDecision().action()));
        }
        if (!p.breakdown().isEmpty()) {
            EvidenceSummary.table(p.breakdown())
                    .lines()
                    .forEach(l -> b.append("    ").append(l).append(System.lineSeparator()));
        } else {
            p.reasons().forEach(r -> b.append("    ").append(r).append(System.lineSeparator()));
        }
        if (!p.candidates().isEmpty()) {
            b.append(String.format(
                    Locale.ROOT,
                    "    %-36s %5s %7s  %s%n",
                    "candidate recording",
                    "fp",
                    "delta s",
                    "title (release, track)"));
            for (Candidate c : p.candidates()) {
                b.append(String.format(
                        Locale.ROOT,
                        "    %-36s %5s %7s  %s%s%n",
                        c.recordingMbid(),
                        Double.isNaN(c.fingerprintScore())
                                ? "-"
                                : String.format(Locale.ROOT, "%.2f", c.fingerprintScore()),
                        Double.isNaN(c.durationDeltaSeconds())
                                ? "-"
                                : String.format(Locale.ROOT, "%+.1f", c.durationDeltaSeconds()),
                        c.title() == null ? "" : c.title(),
                        c.releaseMbid() == null
                                ? ""
                                : " (" + c.releaseMbid() + (c.trackNumber() == null ? "" : ", " + c.trackNumber())
                                        + ")"));
            }
        }
        return b.append(System.lineSeparator()).toString();
    }
}
