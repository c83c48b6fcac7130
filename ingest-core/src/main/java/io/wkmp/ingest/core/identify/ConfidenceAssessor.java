package io.wkmp.ingest.core.identify;

import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.params.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Combines evidence into a decision (spec "Confidence Assessor"). Weights and thresholds come from
 * {@link ImportParameters}. Stateless apart from them; thread-safe.
 */
public final class ConfidenceAssessor {
    private final ImportParameters params;

    public ConfidenceAssessor(ImportParameters params) {
        this.params = params;
    }

    /**
     * Single-segment files: confidence = w_m x metadata + w_f x fingerprint + w_d x duration
     * (0.3/0.6/0.1 by default); ACCEPT at 0.85, REVIEW at 0.60, else REJECT.
     */
    public Assessment assessSingle(double metadata, double fingerprint, double duration) {
        unit(metadata, "metadata score");
        unit(fingerprint, "fingerprint score");
        unit(duration, "duration score");
        double confidence = params.decimal(Parameter.SINGLE_WEIGHT_METADATA) * metadata
                + params.decimal(Parameter.SINGLE_WEIGHT_FINGERPRINT) * fingerprint
                + params.decimal(Parameter.SINGLE_WEIGHT_DURATION) * duration;
        confidence = clamp(confidence);
        Decision d = decide(confidence, Parameter.SINGLE_ACCEPT_THRESHOLD, Parameter.SINGLE_REVIEW_THRESHOLD);
        List<String> reasons = new ArrayList<>();
        reasons.add(String.format(
                "confidence %.2f = %.2f x metadata %.2f + %.2f x fingerprint %.2f + %.2f x duration %.2f -> %s",
                confidence,
                params.decimal(Parameter.SINGLE_WEIGHT_METADATA),
                metadata,
                params.decimal(Parameter.SINGLE_WEIGHT_FINGERPRINT),
                fingerprint,
                params.decimal(Parameter.SINGLE_WEIGHT_DURATION),
                duration,
                d));
        List<EvidenceSummary.Component> parts = List.of(
                weighted(
                        "metadata",
                        Parameter.SINGLE_WEIGHT_METADATA,
                        metadata,
                        "tags, file name and release context against the recording"),
                weighted(
                        "fingerprint",
                        Parameter.SINGLE_WEIGHT_FINGERPRINT,
                        fingerprint,
                        "AcoustID score of the recording"),
                weighted(
                        "duration",
                        Parameter.SINGLE_WEIGHT_DURATION,
                        duration,
                        "passage length against the recording's"));
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
            double c = clamp(params.decimal(Parameter.MULTI_WEIGHT_CONTEXTUAL) * contextual
                    + params.decimal(Parameter.MULTI_WEIGHT_PATTERN) * pattern
                    + params.decimal(Parameter.MULTI_WEIGHT_FINGERPRINT) * fp);
            segments.add(c);
            sum += c;
            min = Math.min(min, c);
            fpSum += fp;
            fpMin = Math.min(fpMin, fp);
        }
        double factor = sameRelease ? 1.0 : params.decimal(Parameter.MULTI_INCONSISTENCY_FACTOR);
        double overall = clamp(sum / fingerprints.size() * factor);
        Decision d;
        if (overall >= params.decimal(Parameter.MULTI_ACCEPT_THRESHOLD)
                && min >= params.decimal(Parameter.MULTI_SEGMENT_MIN)) {
            d = Decision.ACCEPT;
        } else if (overall >= params.decimal(Parameter.MULTI_REVIEW_THRESHOLD)) {
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
                        Parameter.MULTI_WEIGHT_CONTEXTUAL,
                        contextual,
                        "the release against the file's tags, track count and durations"),
                weighted(
                        "pattern",
                        Parameter.MULTI_WEIGHT_PATTERN,
                        pattern,
                        "the file's segment pattern against the release's tracks"),
                weighted(
                        "fingerprint",
                        Parameter.MULTI_WEIGHT_FINGERPRINT,
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
    Decision decide(double confidence, Parameter accept, Parameter review) {
        return confidence >= params.decimal(accept)
                ? Decision.ACCEPT
                : confidence >= params.decimal(review) ? Decision.REVIEW : Decision.REJECT;
    }

    /** A weighted term of a formula: its weight is the parameter's value. */
    private EvidenceSummary.Component weighted(String name, Parameter weight, double value, String reason) {
        return new EvidenceSummary.Component(name, params.decimal(weight), value, reason);
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
