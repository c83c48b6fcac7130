package io.wkmp.ingest.core.params;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A complete, validated set of import parameters. Immutable and thread-safe. Built from defaults,
 * from user input ({@link #parse}, strict) or from stored settings ({@link #fromSettings}, lenient: a bad
 * stored value is reported and its default used).
 */
public final class ImportParameters {
    private static final double SUM_TOLERANCE = 1e-6;
    private static final ImportParameters DEFAULTS = defaultsUnchecked();

    private final Map<Parameter, Object> values;
    private final Analysis analysis;
    private final Decisions decisions;

    private ImportParameters(Map<Parameter, Object> values) {
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
        this.analysis = Analysis.of(this.values);
        this.decisions = Decisions.of(this.values);
    }

    /** Every parameter at its default. */
    public static ImportParameters defaults() {
        return DEFAULTS;
    }

    /**
     * Defaults overridden by {@code settings} (keys as in {@link Parameter#key()}); strict.
     *
     * @throws ParameterException for an unknown key, a malformed or out-of-range value, or a broken cross-parameter rule
     */
    public static ImportParameters parse(Map<String, String> settings) {
        return DEFAULTS.with(ParameterChanges.parse(settings));
    }

    /**
     * Defaults overridden by the stored settings that are valid. Unknown keys are ignored (other modules
     * share the settings table); each bad value, and each broken cross-parameter rule, is reported to
     * {@code problems} and replaced by the default(s).
     */
    public static ImportParameters fromSettings(Map<String, String> settings, Consumer<String> problems) {
        EnumMap<Parameter, Object> v = new EnumMap<>(DEFAULTS.values);
        for (Parameter p : Parameter.values()) {
            String text = settings.get(p.key());
            if (text == null) {
                continue;
            }
            try {
                v.put(p, p.parse(text));
            } catch (ParameterException e) {
                problems.accept("setting " + e.getMessage() + "; using the default " + p.defaultText());
            }
        }
        try {
            return validated(v);
        } catch (ParameterException e) {
            problems.accept("settings " + e.getMessage() + "; using the defaults of those parameters");
            for (Parameter p : e.parameters().isEmpty() ? List.of(Parameter.values()) : e.parameters()) {
                v.put(p, DEFAULTS.values.get(p));
            }
            return fromSettings(toText(v), problems);
        }
    }

    /** A copy with one parameter changed, validated. */
    public ImportParameters with(Parameter p, String text) {
        return with(ParameterChanges.NONE.with(p.key(), text));
    }

    /** A copy with several parameters changed (settings keys), validated; unknown keys are refused. */
    public ImportParameters with(Map<String, String> changes) {
        return with(ParameterChanges.parse(changes));
    }

    /**
     * A copy with {@code changes} (values parsed already) applied, the rules across parameters checked.
     *
     * @throws ParameterException when the result breaks a rule across parameters
     */
    public ImportParameters with(ParameterChanges changes) {
        if (changes.isEmpty()) {
            return this;
        }
        EnumMap<Parameter, Object> v = new EnumMap<>(values);
        v.putAll(changes.values());
        return validated(v);
    }

    /** What the analysis of a file uses (segmentation, leads and fades, fingerprinted length). */
    public Analysis analysis() {
        return analysis;
    }

    /** What identification decides with (confidence weights and thresholds, album match, fingerprint score). */
    public Decisions decisions() {
        return decisions;
    }

    public double decimal(Parameter p) {
        return Values.decimal(values, p);
    }

    public int integer(Parameter p) {
        return Values.integer(values, p);
    }

    public boolean bool(Parameter p) {
        return (Boolean) values.get(p);
    }

    public String text(Parameter p) {
        return String.valueOf(values.get(p));
    }

    /** Every parameter as settings text, in declaration order. */
    public Map<String, String> toSettings() {
        return toText(values);
    }

    /** Worker count: the parameter when set, else {@code availableProcessors} clamped to 2..8. */
    public int effectiveWorkers(int availableProcessors) {
        int set = integer(Parameter.WORKER_COUNT);
        return set > 0 ? set : Math.max(2, Math.min(8, availableProcessors));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImportParameters && ((ImportParameters) o).values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "ImportParameters" + toSettings();
    }

    private static ImportParameters validated(EnumMap<Parameter, Object> v) {
        requireSum(
                v,
                "confidence_single_weight_*",
                Parameter.SINGLE_WEIGHT_METADATA,
                Parameter.SINGLE_WEIGHT_FINGERPRINT,
                Parameter.SINGLE_WEIGHT_DURATION);
        requireSum(
                v,
                "confidence_multi_weight_*",
                Parameter.MULTI_WEIGHT_CONTEXTUAL,
                Parameter.MULTI_WEIGHT_PATTERN,
                Parameter.MULTI_WEIGHT_FINGERPRINT);
        requireSum(
                v,
                "release_weight_*",
                Parameter.RELEASE_WEIGHT_TRACK_COUNT,
                Parameter.RELEASE_WEIGHT_DURATION,
                Parameter.RELEASE_WEIGHT_METADATA);
        requireOrder(v, Parameter.SINGLE_REVIEW_THRESHOLD, Parameter.SINGLE_ACCEPT_THRESHOLD);
        requireOrder(v, Parameter.MULTI_REVIEW_THRESHOLD, Parameter.MULTI_ACCEPT_THRESHOLD);
        requireOrder(v, Parameter.FADE_FLOOR_DB, Parameter.FADE_FULL_DB);
        return new ImportParameters(v);
    }

    private static void requireSum(Map<Parameter, Object> v, String name, Parameter... ps) {
        double sum = 0;
        StringBuilder parts = new StringBuilder();
        for (Parameter p : ps) {
            double d = Values.decimal(v, p);
            sum += d;
            parts.append(parts.length() == 0 ? "" : " + ")
                    .append(p.key())
                    .append('=')
                    .append(d);
        }
        if (Math.abs(sum - 1.0) > SUM_TOLERANCE) {
            throw new ParameterException(
                    ps[0], List.of(ps), name + " weights must sum to 1.0, got " + round(sum) + " (" + parts + ")");
        }
    }

    private static void requireOrder(Map<Parameter, Object> v, Parameter lower, Parameter upper) {
        double lo = Values.decimal(v, lower);
        double hi = Values.decimal(v, upper);
        if (lo > hi) {
            throw new ParameterException(
                    lower,
                    List.of(lower, upper),
                    lower.key() + " (" + lo + ") must not be above " + upper.key() + " (" + hi + ")");
        }
    }

    private static Map<String, String> toText(Map<Parameter, Object> v) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Parameter p : Parameter.values()) {
            out.put(p.key(), String.valueOf(v.get(p)));
        }
        return out;
    }

    private static double round(double d) {
        return Math.round(d * 1e9) / 1e9;
    }

    private static ImportParameters defaultsUnchecked() {
        EnumMap<Parameter, Object> v = new EnumMap<>(Parameter.class);
        for (Parameter p : Parameter.values()) {
            v.put(p, p.parse(p.defaultText()));
        }
        return validated(v);
    }
}
