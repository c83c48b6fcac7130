package io.wkmp.ingest.core.params;

import java.util.Map;

/** Reads parsed parameter values (Double, Integer, Boolean or String) out of a complete value map. */
final class Values {
    private Values() {}

    static double decimal(Map<Parameter, Object> v, Parameter p) {
        return ((Number) v.get(p)).doubleValue();
    }

    static int integer(Map<Parameter, Object> v, Parameter p) {
        return ((Number) v.get(p)).intValue();
    }
}
