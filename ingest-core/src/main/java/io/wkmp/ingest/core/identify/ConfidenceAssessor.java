package io.wkmp.ingest.core.identify;

import io.wkmp.ingest.core.identification.Decision;
import io.wkmp.ingest.core.identification.EvidenceSummary;
import io.wkmp.ingest.core.params.Decisions;
import java.util.ArrayList;
import java.util.List;

/**
 * Combines evidence into a decision (spec "Confidence Assessor"). Weights and thresholds come from
 * {@link Decisions}. Stateless apart from them; thread-safe.
 */
public final class ConfidenceAssessor {
    private final Decisions.SingleFile single;
    private final Decisions.MultiFile multi;

    public ConfidenceAssessor(Decisions decisions) {
        this.single = decisions.single();
        this.multi = decisions.multi();
    }

    /**
     * Single-segment files: confidence = w_m x metadata + w_f x fingerprint + w_d x duration
     * (0.3/0.6/0.1 by default); ACCEPT at 0.85, REVIEW at 0.60, else REJECT.
     */
    public Assessment assessSingle(double metadata, double fingerprint, double duration) {
        unit(metadata, "metadata score");
        unit(fingerprint, "fingerprint score");
        unit(duration, "duration score");
        double confidence = single.weightMetadata() * metadata
                + single.weightFingerprint() * fingerprint
                + single.weightDuration() * duration;
        confidence = clamp(confidence);
        Decision d = decide(confidence, single.accept(), single.review());
        List<String> reasons = new ArrayList<>();
        reasons.add(String.format(
                "confidence %.2f = %.2f x metadata %.2f + %.2f x fingerprint %.2f + %.2f x duration %.2f -> %s",
                confidence,
                single.weightMetadata(),
                metadata,
                single.weightFingerprint(),
                fingerprint,
                single.weightDuration(),
                duration,
                d));
        List<EvidenceSummary.Component> parts = List.of(
                weighted(
                        "metadata",
                        single.weightMetadata(),
                        metadata,
                        "tags, file name and release context against the recording"),
                new EvidenceSummary.Component(
                        "fingerprint", single.weightFingerprint(), fingerprint, "AcoustID score of the recording"),
                new EvidenceSummary.Component(
                        "duration", single.weightDuration(), duration, "passage length against the recording's"));
        EvidenceSummary e = new EvidenceSummary(
                Double.NaN, Double.NaN, fingerprint, fingerprint, metadata, duration, parts, reasons);
        return new Assessment(d, confidence, List.of(confidence), e);
    }

    /**
     * Multi-segment files: per segment w_c x contextual + w_p x pattern + w_f x fingerprint[i]
     * (0.2/0.2/0.6); overall = mean x (1 if every segment matched the same release, else 0.8);
     * ACCEPT when overall &gt;= 0.85 and every segment &gt;= 0.70, REVIEW when overall &gt;= 0.65, else REJECT.
     */
    public Assessment assessMulti(double contextual, double pattern, List<Double> fingerprints, boolean sameRelease) {
        unit(contextual, "contextual score");
        unit(pattern, "pattern score");
        if (fingerprints.isEmpty()) {
            throw new IllegalArgumentException(
                    "a multi-segment assessment needs at least one segment fingerprint score");
        }
        List<Double> segments = new ArrayList<>();
        double sum = 0, min = 1, fpSum = 0, fpMin = 1;
        for (int i = 0; i < fingerprints.size(); i++) {
            double fp = unit(fingerprints.get(i), "fingerprint score of segment " + (i + 1));
            double c = clamp(multi.weightContextual() * contextual
                    + multi.weightPattern() * pattern
                    + multi.weightFingerprint() * fp);
            segments.add(c);
            sum += c;
            min = Math.min(min, c);
            fpSum += fp;
            fpMin = Math.min(fpMin, fp);
        }
        double factor = sameRelease ? 1.0 : multi.inconsistencyFactor();
        double overall = clamp(sum / fingerprints.size() * factor);
        Decision d;
        if (overall >= multi.accept() && min >= multi.segmentMin()) {
            d = Decision.ACCEPT;
        } else if (overall >= multi.review()) {
            d = Decision.REVIEW;
        } else {
            d = Decision.REJECT;
        }
        List<String> reasons = new ArrayList<>();
        reasons.add(String.format(
                "overall %.2f = mean segment confidence %.2f x consistency %.2f%s; weakest segment %.2f -> %s",
                overall,
                sum / fingerprints.size(),
                factor,
                sameRelease ? "" : " (segments matched different releases)",
                min,
                d));
        List<EvidenceSummary.Component> parts = List.of(
                weighted(
                        "contextual",
                        multi.weightContextual(),
                        contextual,
                        "the release against the file's tags, track count and durations"),
                weighted(
                        "pattern",
                        multi.weightPattern(),
                        pattern,
                        "the file's segment pattern against the release's tracks"),
                weighted(
                        "fingerprint",
                        multi.weightFingerprint(),
                        fpSum / fingerprints.size(),
                        String.format("mean AcoustID score of the segments (weakest %.2f)", fpMin)),
                EvidenceSummary.Component.rule(
                        "consistency",
                        factor,
                        sameRelease
                                ? "every segment's fingerprint lists the release"
                                : "not every segment's fingerprint lists the release"));
        EvidenceSummary e = new EvidenceSummary(
                contextual, pattern, fpSum / fingerprints.size(), fpMin, Double.NaN, Double.NaN, parts, reasons);
        return new Assessment(d, overall, segments, e);
    }

    /** ACCEPT at the {@code accept} threshold, REVIEW at the {@code review} one, else REJECT. */
    static Decision decide(double confidence, double accept, double review) {
        return confidence >= accept ? Decision.ACCEPT : confidence >= review ? Decision.REVIEW : Decision.REJECT;
    }

    /** A weighted term of a formula. */
    private static EvidenceSummary.Component weighted(String name, double weight, double value, String reason) {
        return new EvidenceSummary.Component(name, weight, value, reason);
    }

    private static double unit(double v, String what) {
        if (Double.isNaN(v) || v < 0 || v > 1) {
            throw new IllegalArgumentException(what + " must be within [0, 1], got " + v);
        }
        return v;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
