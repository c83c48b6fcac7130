package io.wkmp.ingest.server.wire;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.wkmp.ingest.adapters.evidence.EvidenceShape;
import io.wkmp.ingest.core.identification.Decision;
import io.wkmp.ingest.core.library.ReviewPassage;
import io.wkmp.ingest.core.tags.FileTags;
import io.wkmp.ingest.core.time.Ticks;
import java.util.List;

/**
 * A passage under review as {@code GET /review} and {@code wkmp-ai review --json} give it (docs/api.md). Its
 * breakdown, candidates and user decision have the shapes of the stored evidence ({@link EvidenceShape}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReviewView(
        String passage,
        String file,
        long startTicks,
        long endTicks,
        String start,
        String end,
        String title,
        String artist,
        String album,
        FileTags tags,
        Decision decision,
        Double confidence,
        String recordingMbid,
        List<EvidenceShape.Component> breakdown,
        List<String> reasons,
        List<EvidenceShape.CandidateShape> candidates,
        EvidenceShape.UserDecisionShape userDecision) {

    public static ReviewView of(ReviewPassage p) {
        return new ReviewView(
                p.guid(),
                p.fileRelativePath(),
                p.timing().start(),
                p.timing().end(),
                Ticks.format(p.timing().start()),
                Ticks.format(p.timing().end()),
                p.title(),
                p.artist(),
                p.album(),
                p.tags(),
                p.decision(),
                p.confidence(),
                p.recordingMbid(),
                p.breakdown().stream().map(EvidenceShape.Component::of).toList(),
                p.reasons(),
                p.candidates().stream().map(EvidenceShape.CandidateShape::of).toList(),
                p.userDecision() == null ? null : EvidenceShape.UserDecisionShape.of(p.userDecision()));
    }

    /** Every passage of {@code ps}. */
    public static List<ReviewView> of(List<ReviewPassage> ps) {
        return ps.stream().map(ReviewView::of).toList();
    }

    /** The answer of {@code GET /review}: how many passages match, and they. */
    public record Listing(int count, List<ReviewView> passages) {
        public static Listing of(List<ReviewPassage> ps) {
            return new Listing(ps.size(), ReviewView.of(ps));
        }
    }
}
