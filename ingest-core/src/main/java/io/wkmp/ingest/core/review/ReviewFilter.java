package io.wkmp.ingest.core.review;

import io.wkmp.ingest.core.identification.Decision;
import io.wkmp.ingest.core.library.ReviewPassage;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which passages to list for review.
 *
 * @param decisions the decisions to list (ACCEPT only when asked for)
 * @param folderPrefix the files under this relative folder ("a/b/"), "" for all
 * @param reason text a breakdown component or reason must contain (case-insensitive), null for any
 * @param includeDecided also list the passages a person has decided already (else they no longer need one)
 */
public record ReviewFilter(Set<Decision> decisions, String folderPrefix, String reason, boolean includeDecided) {
    /** What needs a person: REVIEW, REJECT and PENDING. */
    public static final Set<Decision> NEEDS_A_PERSON = EnumSet.of(Decision.REVIEW, Decision.REJECT, Decision.PENDING);

    public ReviewFilter {
        Objects.requireNonNull(decisions, "decisions");
        if (decisions.isEmpty()) {
            throw new IllegalArgumentException("at least one decision must be listed");
        }
        decisions = Set.copyOf(decisions);
        folderPrefix = folderPrefix == null ? "" : folderPrefix;
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }

    /** REVIEW, REJECT and PENDING passages of every file. */
    public static ReviewFilter needsAPerson() {
        return new ReviewFilter(NEEDS_A_PERSON, "", null, false);
    }

    /** This filter's folder prefix replaced. */
    public ReviewFilter under(String prefix) {
        return new ReviewFilter(decisions, prefix, reason, includeDecided);
    }

    /** True when {@code p} passes the decision, folder, reason and decided filters. */
    public boolean matches(ReviewPassage p) {
        return p.decision() != null
                && (includeDecided || p.userDecision() == null)
                && decisions.contains(p.decision())
                && p.fileRelativePath().startsWith(folderPrefix)
                && (reason == null || p.hasReason(reason));
    }
}
