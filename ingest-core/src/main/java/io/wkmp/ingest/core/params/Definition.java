package io.wkmp.ingest.core.params;

/**
 * One parameter's definition, as {@link Parameter} exposes it: settings key, group, plain-language label, kind,
 * unit, default as settings text, allowed range (numeric kinds) and description.
 */
record Definition(
        String key,
        Parameter.Group group,
        String label,
        Parameter.Kind kind,
        String unit,
        String defaultText,
        double min,
        double max,
        String description) {}
