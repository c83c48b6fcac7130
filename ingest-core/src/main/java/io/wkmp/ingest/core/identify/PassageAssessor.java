package io.wkmp.ingest.core.identify;

import io.wkmp.ingest.core.catalog.Recording;
import io.wkmp.ingest.core.catalog.Track;
import io.wkmp.ingest.core.identification.Decision;
import io.wkmp.ingest.core.identification.EvidenceSummary;
import io.wkmp.ingest.core.identification.Identification;
import io.wkmp.ingest.core.identification.PassageEvidence;
import io.wkmp.ingest.core.identification.PassageResult;
import io.wkmp.ingest.core.match.ContextualScoring;
import io.wkmp.ingest.core.params.Decisions;
import io.wkmp.ingest.core.params.Parameter;
import io.wkmp.ingest.core.port.AcoustIdMatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns a passage's evidence about one recording into an {@link Identification}, passage by passage: fingerprint
 * score of that recording, duration match, metadata (tags, path hints, release context) weighed by the spec's
 * formulas, then two rules. The strong-fingerprint rule: a fingerprint that matches the recording at {@link
 * Parameter#FINGERPRINT_ACCEPT_SCORE} or better, with no other recording within {@value #COMPETITOR_MARGIN} of it and
 * a length that agrees, ACCEPTs the passage whatever its tags and its file's context say (they are shown in the
 * evidence, and raise or lower the confidence only). The tag-MBID guard: a recording id in the tags that names
 * another recording is contrary evidence of comparable strength: the decision is capped at REVIEW and says why.
 */
final class PassageAssessor {
    /** A different recording scoring within this much of the top one is a close competitor. */
    static final double COMPETITOR_MARGIN = 0.1;
    /** Lengths agree within 10 % or this many seconds, whichever is more (AcoustID's own length slack is 7 s). */
    static final double LENGTH_SLACK_SECONDS = 7;

    private final Decisions decisions;
    private final ConfidenceAssessor assessor;

    PassageAssessor(Decisions decisions) {
        this.decisions = decisions;
        this.assessor = new ConfidenceAssessor(decisions);
    }

    /** Fingerprint score of {@code recordingMbid} among the passage's candidates, 0 when absent. */
    static double fingerprintScore(List<AcoustIdMatch> matches, String recordingMbid) {
        return matches.stream()
                .filter(m -> m.recordingMbid().equals(recordingMbid))
                .mapToDouble(AcoustIdMatch::score)
                .max()
                .orElse(0);
    }

    /** The passage's own strong match: the best candidate at the accept score or better with no close competitor. */
    Optional<AcoustIdMatch> strongMatch(List<AcoustIdMatch> matches) {
        Optional<AcoustIdMatch> top = matches.stream().max(Comparator.comparingDouble(AcoustIdMatch::score));
        if (top.isEmpty() || top.get().score() < decisions.fingerprintAcceptScore()) {
            return Optional.empty();
        }
        String id = top.get().recordingMbid();
        boolean competitor = matches.stream()
                .anyMatch(m ->
                        !m.recordingMbid().equals(id) && m.score() >= top.get().score() - COMPETITOR_MARGIN);
        return competitor ? Optional.empty() : top;
    }

    /** True when a passage of {@code seconds} can be a recording of {@code expected} seconds (unknown: false). */
    static boolean lengthAgrees(double seconds, double expected) {
        return expected > 0 && Math.abs(seconds - expected) <= Math.max(LENGTH_SLACK_SECONDS, 0.1 * expected);
    }

    /**
     * Single-segment formula for a passage believed to be {@code rec}; {@code context} is release-level support
     * (0..1).
     */
    PassageResult single(
            PassageEvidence p,
            Recording rec,
            Optional<Track> track,
            List<AcoustIdMatch> matches,
            double context,
            List<String> why) {
        long lengthMs = expectedMs(rec, track);
        double fp = fingerprintScore(matches, rec.recordingMbid());
        double duration = ContextualScoring.durationMatch(
                p.seconds(), lengthMs / 1000.0, ContextualScoring.RECORDING_DURATION_TOLERANCE);
        double names = ContextualScoring.metadataMatch(
                p.artist(), ContextualMatcher.creditText(rec.artists()), p.title(), rec.title());
        List<String> reasons = new ArrayList<>(why);
        double metadata = names;
        if (context > metadata) {
            metadata = context;
            reasons.add(String.format("metadata %.2f from the release context (tags/path give %.2f)", context, names));
        }
        boolean contrary = tagGuard(p, rec, matches, reasons);
        if (!contrary && rec.recordingMbid().equals(p.tags().mbRecordingId())) {
            metadata = 1.0;
        }
        Assessment a = assessor.assessSingle(metadata, fp, duration);
        return result(a, p, contrary, rec, track, matches, reasons);
    }

    /**
     * The file-level context of a multi-segment file's segments aligned to its release.
     *
     * @param overall the multi-segment formula's decision over those segments together (mean x consistency, weakest)
     */
    record FileContext(double contextual, double pattern, boolean sameRelease, Decision overall) {}

    /** The context of a multi-segment file whose segments on the release have fingerprint scores {@code fps}. */
    FileContext fileContext(double contextual, double pattern, boolean sameRelease, List<Double> fps) {
        Decision overall = fps.isEmpty()
                ? Decision.REJECT
                : assessor.assessMulti(contextual, pattern, fps, sameRelease).decision();
        return new FileContext(contextual, pattern, sameRelease, overall);
    }

    /**
     * One segment of a multi-segment file aligned to a track of the file's release: the multi-segment formula for
     * this segment alone (w_c x contextual + w_p x pattern + w_f x its fingerprint), lowered by the consistency
     * factor when the file's segments list different releases; ACCEPT at the multi-segment accept threshold (or when
     * the file's segments on the release pass the formula together and this one reaches the weakest-segment minimum),
     * REVIEW at its review threshold; then the same rules as a single passage.
     */
    PassageResult segment(
            PassageEvidence p,
            Recording rec,
            Track track,
            List<AcoustIdMatch> matches,
            FileContext file,
            List<String> why) {
        double fp = fingerprintScore(matches, rec.recordingMbid());
        Assessment formula = assessor.assessMulti(file.contextual(), file.pattern(), List.of(fp), file.sameRelease());
        double c = formula.confidence();
        Decision d = ConfidenceAssessor.decide(
                c, decisions.multi().accept(), decisions.multi().review());
        List<String> reasons = new ArrayList<>(why);
        reasons.add(String.format("segment %d confidence %.2f (fingerprint %.2f) -> %s", p.index() + 1, c, fp, d));
        if (d != Decision.ACCEPT
                && file.overall() == Decision.ACCEPT
                && c >= decisions.multi().segmentMin()) {
            d = Decision.ACCEPT;
            reasons.add("ACCEPT: the file's segments on the release pass the multi-segment formula together");
        }
        boolean contrary = tagGuard(p, rec, matches, reasons);
        Assessment own = new Assessment(d, c, List.of(c), formula.evidence());
        return result(own, p, contrary, rec, Optional.of(track), matches, reasons);
    }

    /** An unaligned passage: REJECT with the reasons. */
    PassageResult unmatched(List<String> reasons) {
        EvidenceSummary e = new EvidenceSummary(Double.NaN, Double.NaN, 0, 0, Double.NaN, Double.NaN, reasons);
        return new PassageResult(new Identification(Decision.REJECT, null, 0, e), Optional.empty(), Optional.empty());
    }

    /** The length expected of the passage: its track's, else the recording's (ms, 0 when unknown). */
    static long expectedMs(Recording rec, Optional<Track> track) {
        return track.map(Track::lengthMs).filter(l -> l > 0).orElse(rec.lengthMs());
    }

    private PassageResult result(
            Assessment a,
            PassageEvidence p,
            boolean contrary,
            Recording rec,
            Optional<Track> track,
            List<AcoustIdMatch> matches,
            List<String> reasons) {
        Decision d = a.decision();
        double confidence = a.confidence();
        EvidenceSummary e = a.evidence();
        Optional<AcoustIdMatch> strong =
                strongMatch(matches).filter(m -> m.recordingMbid().equals(rec.recordingMbid()));
        if (strong.isPresent()) {
            double score = strong.get().score();
            long ms = expectedMs(rec, track);
            double expected = ms > 0 ? ms / 1000.0 : strong.get().durationSeconds();
            String rule;
            if (!lengthAgrees(p.seconds(), expected)) {
                rule = String.format(
                        "fingerprint %.2f, but the passage's %.1f s do not agree with the recording's %.1f s",
                        score, p.seconds(), expected);
            } else if (contrary) {
                rule = String.format(
                        "fingerprint %.2f, but the tags' recording id names another recording: at most REVIEW", score);
            } else {
                rule = String.format(
                        "fingerprint %.2f with no close competitor, %.1f s agree with the recording's %.1f s: ACCEPT"
                                + " whatever the tags say",
                        score, p.seconds(), expected);
                if (d != Decision.ACCEPT) {
                    reasons.add(String.format(
                            "ACCEPT on the strength of the fingerprint (%.2f) although the weighed evidence gives"
                                    + " %.2f",
                            score, confidence));
                }
                d = Decision.ACCEPT;
                confidence = Math.max(confidence, score);
            }
            e = e.with(EvidenceSummary.Component.rule("strong_fingerprint", score, rule));
        }
        if (contrary && d == Decision.ACCEPT) {
            d = Decision.REVIEW;
            reasons.add("decision capped at REVIEW because of the conflicting tag recording id");
        }
        if (contrary) {
            e = e.with(EvidenceSummary.Component.rule(
                    "tag_recording_id", 0, "the tags' recording id names another recording: caps at REVIEW"));
        } else if (rec.recordingMbid().equals(p.tags().mbRecordingId())) {
            e = e.with(EvidenceSummary.Component.rule("tag_recording_id", 1, "the tags' recording id agrees"));
        }
        for (String r : reasons) {
            e = e.withReason(r);
        }
        e = e.withCandidates(Candidates.of(p, rec, track, matches));
        boolean keep = d == Decision.ACCEPT || d == Decision.REVIEW;
        return new PassageResult(
                new Identification(d, keep ? rec.recordingMbid() : null, confidence, e),
                keep ? Optional.of(rec) : Optional.empty(),
                keep ? track : Optional.empty());
    }

    /**
     * Checks a tag recording id against the chosen recording; true when it names another recording (contrary
     * evidence: caps at REVIEW). Missing or contradicting tag names never count here.
     */
    private static boolean tagGuard(
            PassageEvidence p, Recording rec, List<AcoustIdMatch> matches, List<String> reasons) {
        String tagId = p.tags().mbRecordingId();
        if (tagId == null || tagId.isBlank()) {
            return false;
        }
        if (tagId.equals(rec.recordingMbid())) {
            reasons.add("tag recording id agrees with the match");
            return false;
        }
        Optional<AcoustIdMatch> top = matches.stream().findFirst();
        if (top.isPresent()
                && top.get().score() >= Identifier.STRONG_FINGERPRINT_SCORE
                && fingerprintScore(matches, tagId) == 0) {
            reasons.add(String.format(
                    "tags name recording %s, but the fingerprint matches %s (score %.2f): the tag is not trusted",
                    tagId, top.get().recordingMbid(), top.get().score()));
        } else {
            reasons.add("tags name recording " + tagId + ", not the matched recording " + rec.recordingMbid());
        }
        return true;
    }
}
