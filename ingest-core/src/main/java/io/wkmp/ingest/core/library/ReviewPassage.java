package io.wkmp.ingest.core.library;

import io.wkmp.ingest.core.identification.Candidate;
import io.wkmp.ingest.core.identification.Decision;
import io.wkmp.ingest.core.identification.EvidenceSummary;
import io.wkmp.ingest.core.passage.PassageTiming;
import io.wkmp.ingest.core.tags.FileTags;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A stored passage as a person reviews it: its file, times, tags, decision and the evidence behind it.
 *
 * @param decision the stored decision; null when never assessed
 * @param confidence the import's confidence 0..1, null when none
 * @param recordingMbid the recording the passage names now (proposed, accepted or chosen), or null
 * @param breakdown the typed evidence (component, weight, value, reason)
 * @param reasons the evidence in sentences
 * @param candidates the recordings the identification considered, best first (empty when it stored none)
 * @param userDecision the person's decision, null while none was made
 */
public record ReviewPassage(
        String guid,
        String fileRelativePath,
        PassageTiming timing,
        String title,
        String artist,
        String album,
        FileTags tags,
        Decision decision,
        Double confidence,
        String recordingMbid,
        List<EvidenceSummary.Component> breakdown,
        List<String> reasons,
        List<Candidate> candidates,
        UserDecision userDecision) {
    public ReviewPassage {
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(fileRelativePath, "fileRelativePath");
        Objects.requireNonNull(timing, "timing");
        tags = tags == null ? FileTags.EMPTY : tags;
        breakdown = List.copyOf(breakdown);
        reasons = List.copyOf(reasons);
        candidates = List.copyOf(candidates);
    }

    /** True when {@code text} (case-insensitive) is in a breakdown component's name or reason, or in a reason. */
    public boolean hasReason(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return breakdown.stream()
                        .anyMatch(c -> c.name().toLowerCase(Locale.ROOT).contains(t)
                                || (c.reason() != null
                                        && c.reason().toLowerCase(Locale.ROOT).contains(t)))
                || reasons.stream().anyMatch(r -> r.toLowerCase(Locale.ROOT).contains(t));
    }
}
