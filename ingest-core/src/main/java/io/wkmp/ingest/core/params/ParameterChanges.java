package io.wkmp.ingest.core.params;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Changes to some import parameters, each value parsed and range-checked once where its text entered (a command
 * line {@code --param}, a request body) and carried as a value from then on. Rules across parameters (weights that
 * sum to 1, an order) are checked when the changes are applied ({@link ImportParameters#with(ParameterChanges)}).
 * Immutable.
 */
public final class ParameterChanges {
    /** No change. */
    public static final ParameterChanges NONE = new ParameterChanges(new EnumMap<>(Parameter.class));

    private final Map<Parameter, Object> values;

    private ParameterChanges(EnumMap<Parameter, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * The changes {@code settings} stands for (keys as in {@link Parameter#key()}).
     *
     * @throws ParameterException for an unknown key or a malformed or out-of-range value
     */
    public static ParameterChanges parse(Map<String, String> settings) {
        ParameterChanges changes = NONE;
        for (Map.Entry<String, String> e : settings.entrySet()) {
            changes = changes.with(e.getKey(), e.getValue());
        }
        return changes;
    }

    /**
     * A copy that also sets the parameter {@code key} to {@code text}, parsed now.
     *
     * @throws ParameterException for an unknown key or a malformed or out-of-range value
     */
    public ParameterChanges with(String key, String text) {
        Parameter p =
                Parameter.byKey(key).orElseThrow(() -> new ParameterException(null, "unknown parameter '" + key + "'"));
        EnumMap<Parameter, Object> v = new EnumMap<>(Parameter.class);
        v.putAll(values);
        v.put(p, p.parse(text));
        return new ParameterChanges(v);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The changed values as settings text, in declaration order. */
    public Map<String, String> toSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((p, v) -> out.put(p.key(), String.valueOf(v)));
        return out;
    }

    /** The parsed values (Double, Integer, Boolean or String). */
    Map<Parameter, Object> values() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterChanges && ((ParameterChanges) o).values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "ParameterChanges" + toSettings();
    }
}
