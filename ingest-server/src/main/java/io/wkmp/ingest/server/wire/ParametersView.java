package io.wkmp.ingest.server.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.params.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The answer of {@code GET /parameters}, {@code /parameters/defaults}, {@code POST /parameters/validate} and
 * {@code POST /parameters}: every parameter's definition with its value, the groups, and (after a save) the keys
 * written.
 */
public record ParametersView(
        boolean valid,
        List<Group> groups,
        List<Entry> parameters,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> saved) {

    /** One group of parameters, as the settings page shows them. */
    public record Group(String id, String title, String description) {}

    /** One parameter: its definition, range (numbers only) and value. */
    public record Entry(
            String key,
            String group,
            String label,
            String kind,
            String unit,
            String value,
            @JsonProperty("default") String defaultValue,
            Double min,
            Double max,
            String range,
            String description) {}

    public static ParametersView of(ImportParameters values, List<String> saved) {
        List<Entry> entries = Arrays.stream(Parameter.values())
                .map(p -> new Entry(
                        p.key(),
                        groupId(p.group()),
                        p.label(),
                        p.kind().name(),
                        p.unit(),
                        values.text(p),
                        p.defaultText(),
                        p.isNumeric() ? p.min() : null,
                        p.isNumeric() ? p.max() : null,
                        p.isNumeric() ? p.rangeText() : null,
                        p.description()))
                .toList();
        List<Group> groups = Arrays.stream(Parameter.Group.values())
                .map(g -> new Group(groupId(g), g.title(), g.description()))
                .toList();
        return new ParametersView(true, groups, entries, saved);
    }

    private static String groupId(Parameter.Group g) {
        return g.name().toLowerCase(Locale.ROOT);
    }
}
