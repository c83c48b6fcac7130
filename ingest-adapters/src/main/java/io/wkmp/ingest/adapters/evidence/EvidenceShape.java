package io.wkmp.ingest.adapters.evidence;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.wkmp.ingest.core.identification.Candidate;
import io.wkmp.ingest.core.identification.Decision;
import io.wkmp.ingest.core.identification.EvidenceSummary;
import io.wkmp.ingest.core.identification.Identification;
import io.wkmp.ingest.core.library.UserDecision;
import java.util.List;

/**
 * {@code passages.identification_evidence} as written: what the decision was based on, readable by a UI: the scores,
 * the typed {@code breakdown} (name, weight (null for a rule), value, reason), the reasons in words and the
 * candidates. Non-finite numbers are null. The store adds {@code user_decision} when a person decides. Its parts are
 * also the parts of a passage under review on the wire ({@code GET /review}, {@code wkmp-ai review --json}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EvidenceShape(
        Decision decision,
        String recordingMbid,
        Double confidence,
        Double contextual,
        Double pattern,
        Double fingerprintMean,
        Double fingerprintMin,
        Double metadata,
        Double duration,
        List<Component> breakdown,
        List<String> reasons,
        List<CandidateShape> candidates) {

    public static EvidenceShape of(Identification id) {
        EvidenceSummary e = id.evidence();
        return new EvidenceShape(
                id.decision(),
                id.recordingMbid(),
                finite(id.confidence()),
                finite(e == null ? Double.NaN : e.contextual()),
                finite(e == null ? Double.NaN : e.pattern()),
                finite(e == null ? Double.NaN : e.fingerprintMean()),
                finite(e == null ? Double.NaN : e.fingerprintMin()),
                finite(e == null ? Double.NaN : e.metadata()),
                finite(e == null ? Double.NaN : e.duration()),
                e == null
                        ? List.of()
                        : e.breakdown().stream().map(Component::of).toList(),
                e == null ? List.of() : e.reasons(),
                e == null
                        ? List.of()
                        : e.candidates().stream().map(CandidateShape::of).toList());
    }

    /** One term or rule of the confidence. */
    public record Component(String name, Double weight, Double value, String reason) {
        public static Component of(EvidenceSummary.Component c) {
            return new Component(c.name(), finite(c.weight()), finite(c.value()), c.reason());
        }
    }

    /** A recording the identification considered. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CandidateShape(
            String recordingMbid,
            String title,
            String releaseMbid,
            Integer trackNumber,
            Double fingerprintScore,
            Double durationDeltaSeconds) {
        public static CandidateShape of(Candidate c) {
            return new CandidateShape(
                    c.recordingMbid(),
                    c.title(),
                    c.releaseMbid(),
                    c.trackNumber(),
                    finite(c.fingerprintScore()),
                    finite(c.durationDeltaSeconds()));
        }
    }

    /** What a person decided, by whom and when. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record UserDecisionShape(UserDecision.Action action, String recordingMbid, String by, String at) {
        public static UserDecisionShape of(UserDecision d) {
            return new UserDecisionShape(d.action(), d.recordingMbid(), d.by(), d.at().toString());
        }
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
