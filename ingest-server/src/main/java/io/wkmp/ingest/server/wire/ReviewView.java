package io.wkmp.ingest.server.wire;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.wkmp.ingest.core.identify.Candidate;
import io.wkmp.ingest.core.identify.Decision;
import io.wkmp.ingest.core.identify.EvidenceSummary;
import io.wkmp.ingest.core.review.ReviewPassage;
import io.wkmp.ingest.core.review.UserDecision;
import io.wkmp.ingest.core.tags.FileTags;
import io.wkmp.ingest.core.time.Ticks;
import java.util.List;

/**
 * A passage under review as {@code GET /review} and {@code wkmp-ai review --json} give it (docs/api.md). Non-finite
 * numbers are null.
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
        List<Component> breakdown,
        List<String> reasons,
        List<CandidateView> candidates,
        UserDecisionView userDecision) {

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
                p.breakdown().stream().map(Component::of).toList(),
                p.reasons(),
                p.candidates().stream().map(CandidateView::of).toList(),
                p.userDecision() == null ? null : UserDecisionView.of(p.userDecision()));
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

    /** One term or rule of the confidence: its weight (null for a rule) and value. */
    public record Component(String name, Double weight, Double value, String reason) {
        static Component of(EvidenceSummary.Component c) {
            return new Component(c.name(), finite(c.weight()), finite(c.value()), c.reason());
        }
    }

    /** A recording the identification considered. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CandidateView(
            String recordingMbid,
            String title,
            String releaseMbid,
            Integer trackNumber,
            Double fingerprintScore,
            Double durationDeltaSeconds) {
        static CandidateView of(Candidate c) {
            return new CandidateView(
                    c.recordingMbid(),
                    c.title(),
                    c.releaseMbid(),
                    c.trackNumber(),
                    finite(c.fingerprintScore()),
                    finite(c.durationDeltaSeconds()));
        }
    }

    /** What a person decided on the passage, by whom and when. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record UserDecisionView(UserDecision.Action action, String recordingMbid, String by, String at) {
        static UserDecisionView of(UserDecision d) {
            return new UserDecisionView(d.action(), d.recordingMbid(), d.by(), d.at().toString());
        }
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
