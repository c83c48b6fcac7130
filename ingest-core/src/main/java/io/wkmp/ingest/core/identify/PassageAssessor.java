package io.wkmp.ingest.core.identify;

import io.wkmp.ingest.core.catalog.Recording;
import io.wkmp.ingest.core.catalog.Track;
import io.wkmp.ingest.core.match.ContextualScoring;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.params.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a passage's evidence about one recording into an {@link Identification}: fingerprint score of that
 * recording, duration match, metadata (tags, path hints, release context), and the tag-MBID guard: a
 * recording id in the tags that a strong fingerprint contradicts, or that names another track, caps the
 * decision at REVIEW and says why.
 */
final class PassageAssessor {
    private final ImportParameters params;
    private final ConfidenceAssessor assessor;

    PassageAssessor(ImportParameters params) {
        this.params = params;
        this.assessor = new ConfidenceAssessor(params);
    }

    /** Fingerprint score of {@code recordingMbid} among the passage's candidates, 0 when absent. */
    static double fingerprintScore(List<AcoustIdMatch> matches, String recordingMbid) {
        return matches.stream()
                .filter(m -> m.recordingMbid().equals(recordingMbid))
                .mapToDouble(AcoustIdMatch::score)
                .max()
                .orElse(0);
    }

    /** Single-segment formula for a passage believed to be {@code rec}; {@code context} is release-level support (0..1). */
    PassageResult single(
            PassageEvidence p,
            Recording rec,
            Optional<Track> track,
            List<AcoustIdMatch> matches,
            double context,
            List<String> why) {
        long lengthMs = track.map(Track::lengthMs).filter(l -> l > 0).orElse(rec.lengthMs());
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
        boolean capped = tagGuard(p, rec, matches, duration, reasons);
        if (!capped && rec.recordingMbid().equals(p.tags().mbRecordingId())) {
            metadata = 1.0;
        }
        Assessment a = assessor.assessSingle(metadata, fp, duration);
        return result(a, capped, rec, track, reasons);
    }

    /** Multi-segment formula over all segments at once; {@code recs}/{@code tracks} null where unaligned. */
    List<PassageResult> multi(
            List<PassageEvidence> ps,
            List<Recording> recs,
            List<Optional<Track>> tracks,
            List<List<AcoustIdMatch>> matches,
            double contextual,
            double pattern,
            boolean sameRelease,
            List<String> why) {
        List<Double> fps = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            fps.add(
                    recs.get(i) == null
                            ? 0
                            : fingerprintScore(matches.get(i), recs.get(i).recordingMbid()));
        }
        Assessment overall = assessor.assessMulti(contextual, pattern, fps, sameRelease);
        List<PassageResult> out = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            List<String> reasons = new ArrayList<>(why);
            double seg = overall.segmentConfidences().get(i);
            reasons.add(String.format("segment %d confidence %.2f (fingerprint %.2f)", i + 1, seg, fps.get(i)));
            if (recs.get(i) == null) {
                reasons.add("segment " + (i + 1) + " matches no track of the release");
                out.add(rejected(overall, seg, reasons));
                continue;
            }
            double duration = ContextualScoring.durationMatch(
                    ps.get(i).seconds(),
                    tracks.get(i).map(Track::lengthMs).orElse(recs.get(i).lengthMs()) / 1000.0,
                    ContextualScoring.RECORDING_DURATION_TOLERANCE);
            boolean capped = tagGuard(ps.get(i), recs.get(i), matches.get(i), duration, reasons);
            Assessment own = new Assessment(
                    seg < params.decimal(Parameter.MULTI_REVIEW_THRESHOLD) ? Decision.REJECT : overall.decision(),
                    seg,
                    List.of(seg),
                    overall.evidence());
            out.add(result(own, capped, recs.get(i), tracks.get(i), reasons));
        }
        return out;
    }

    /** An unaligned passage: REJECT with the reasons. */
    PassageResult unmatched(List<String> reasons) {
        EvidenceSummary e = new EvidenceSummary(Double.NaN, Double.NaN, 0, 0, Double.NaN, Double.NaN, reasons);
        return new PassageResult(new Identification(Decision.REJECT, null, 0, e), Optional.empty(), Optional.empty());
    }

    private PassageResult rejected(Assessment overall, double seg, List<String> reasons) {
        EvidenceSummary e = overall.evidence();
        for (String r : reasons) {
            e = e.withReason(r);
        }
        return new PassageResult(new Identification(Decision.REJECT, null, seg, e), Optional.empty(), Optional.empty());
    }

    private static PassageResult result(
            Assessment a, boolean capped, Recording rec, Optional<Track> track, List<String> reasons) {
        Decision d = a.decision();
        if (capped && d == Decision.ACCEPT) {
            d = Decision.REVIEW;
            reasons.add("decision capped at REVIEW because of the conflicting tag recording id");
        }
        EvidenceSummary e = a.evidence();
        for (String r : reasons) {
            e = e.withReason(r);
        }
        boolean keep = d == Decision.ACCEPT || d == Decision.REVIEW;
        return new PassageResult(
                new Identification(d, keep ? rec.recordingMbid() : null, a.confidence(), e),
                keep ? Optional.of(rec) : Optional.empty(),
                keep ? track : Optional.empty());
    }

    /** Checks a tag recording id against the chosen recording, the fingerprint and the duration; true = cap at REVIEW. */
    private static boolean tagGuard(
            PassageEvidence p, Recording rec, List<AcoustIdMatch> matches, double duration, List<String> reasons) {
        String tagId = p.tags().mbRecordingId();
        if (tagId == null || tagId.isBlank()) {
            return false;
        }
        if (tagId.equals(rec.recordingMbid())) {
            if (duration < 0.5) {
                reasons.add("tag recording id agrees, but the passage duration does not match the recording");
                return true;
            }
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
