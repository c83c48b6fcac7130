package io.wkmp.ingest.core.params;

import static io.wkmp.ingest.core.params.Parameter.FADE_FLOOR_DB;
import static io.wkmp.ingest.core.params.Parameter.FADE_FULL_DB;
import static io.wkmp.ingest.core.params.Parameter.FADE_MIN_DURATION_MS;
import static io.wkmp.ingest.core.params.Parameter.LEAD_IN_THRESHOLD_DB;
import static io.wkmp.ingest.core.params.Parameter.LEAD_MAX_FRACTION;
import static io.wkmp.ingest.core.params.Parameter.LEAD_OUT_THRESHOLD_DB;

import java.util.Map;

/**
 * Where a passage's lead-in, lead-out and natural fades lie (group "Lead-in, lead-out and fades"), as values; levels
 * in dB relative to the passage's peak. See each {@link Parameter} of the same name for its meaning and range.
 */
public record LeadsAndFades(
        double leadInThresholdDb,
        double leadOutThresholdDb,
        double leadMaxFraction,
        double fadeFloorDb,
        double fadeFullDb,
        int fadeMinDurationMs) {

    static LeadsAndFades of(Map<Parameter, Object> v) {
        return new LeadsAndFades(
                Values.decimal(v, LEAD_IN_THRESHOLD_DB),
                Values.decimal(v, LEAD_OUT_THRESHOLD_DB),
                Values.decimal(v, LEAD_MAX_FRACTION),
                Values.decimal(v, FADE_FLOOR_DB),
                Values.decimal(v, FADE_FULL_DB),
                Values.integer(v, FADE_MIN_DURATION_MS));
    }
}
