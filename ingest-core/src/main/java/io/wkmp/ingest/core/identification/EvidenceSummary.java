package io.wkmp.ingest.core.identification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a decision was based on: the scores 0..1 (NaN where that evidence was not available), a typed breakdown
 * (named components with their weight, value and reason, like beets' distance; a UI or the command line prints it
 * with {@link #table()}) and sentences that say why in words (spec: "User can see why identification
 * succeeded/failed"), and the candidates the identification considered (for a person reviewing it).
 */
public record EvidenceSummary(
        double contextual,
        double pattern,
        double fingerprintMean,
        double fingerprintMin,
        double metadata,
        double duration,
        List<Component> breakdown,
        List<String> reasons,
        List<Candidate> candidates) {

    /**
     * One named piece of evidence.
     *
     * @param name a stable key: {@code fingerprint}, {@code metadata}, {@code duration}, {@code contextual},
     *     {@code pattern}, {@code consistency}, {@code strong_fingerprint}, {@code tag_recording_id},
     *     {@code release}
     * @param weight its weight in the confidence formula; NaN when it acts as a rule (it decides or caps) rather
     *     than a weighted term
     * @param value 0..1, NaN when it has no numeric value
     * @param reason one plain sentence
     */
    public record Component(String name, double weight, double value, String reason) {
        /** A component that is a rule, not a weighted term. */
        public static Component rule(String name, double value, String reason) {
            return new Component(name, Double.NaN, value, reason);
        }
    }

    public EvidenceSummary {
        breakdown = List.copyOf(breakdown);
        reasons = List.copyOf(reasons);
        candidates = List.copyOf(candidates);
    }

    /** Without candidates. */
    public EvidenceSummary(
            double contextual,
            double pattern,
            double fingerprintMean,
            double fingerprintMin,
            double metadata,
            double duration,
            List<Component> breakdown,
            List<String> reasons) {
        this(contextual, pattern, fingerprintMean, fingerprintMin, metadata, duration, breakdown, reasons, List.of());
    }

    /** Without a breakdown. */
    public EvidenceSummary(
            double contextual,
            double pattern,
            double fingerprintMean,
            double fingerprintMin,
            double metadata,
            double duration,
            List<String> reasons) {
        this(contextual, pattern, fingerprintMean, fingerprintMin, metadata, duration, List.of(), reasons);
    }

    /** A copy with one more reason. */
    public EvidenceSummary withReason(String reason) {
        List<String> r = new ArrayList<>(reasons);
        r.add(reason);
        return copy(breakdown, r, candidates);
    }

    /** A copy with one more breakdown component (a component of the same name is replaced). */
    public EvidenceSummary with(Component c) {
        List<Component> b = new ArrayList<>(breakdown);
        b.removeIf(x -> x.name().equals(c.name()));
        b.add(c);
        return copy(b, reasons, candidates);
    }

    /** A copy with {@code c} as the candidates considered (best first). */
    public EvidenceSummary withCandidates(List<Candidate> c) {
        return copy(breakdown, reasons, c);
    }

    /** The same scores with other words. */
    private EvidenceSummary copy(List<Component> b, List<String> r, List<Candidate> c) {
        return new EvidenceSummary(contextual, pattern, fingerprintMean, fingerprintMin, metadata, duration, b, r, c);
    }

    /** The breakdown as a plain-text table: component, weight, value, reason; one line each. */
    public String table() {
        return table(breakdown);
    }

    /** {@code breakdown} as a plain-text table: component, weight, value, reason; one line each. */
    public static String table(List<Component> breakdown) {
        StringBuilder sb = new StringBuilder(
                String.format(Locale.ROOT, "%-20s %6s %6s  %s%n", "component", "weight", "value", "reason"));
        for (Component c : breakdown) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%-20s %6s %6s  %s%n",
                    c.name(),
                    Double.isNaN(c.weight()) ? "rule" : String.format(Locale.ROOT, "%.2f", c.weight()),
                    Double.isNaN(c.value()) ? "-" : String.format(Locale.ROOT, "%.2f", c.value()),
                    c.reason()));
        }
        return sb.toString();
    }
}
