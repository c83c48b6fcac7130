package io.wkmp.ingest.server.routes;

import io.wkmp.ingest.core.passage.PassageTiming;
import io.wkmp.ingest.server.ApiException;

/** The timing of a passage from a {@code PUT /segments} edit: the reverse of the wire {@code TimingView}. */
final class TimingEdit {
    private TimingEdit() {}

    /** A timing from an edit; the constructor's ordering checks throw {@link io.wkmp.ingest.core.passage.TimingException}. */
    static PassageTiming of(JsonBody b) {
        Long start = b.number("start_time_ticks");
        Long end = b.number("end_time_ticks");
        if (start == null || end == null) {
            throw ApiException.badRequest("INVALID_TIMING", "start_time_ticks and end_time_ticks are required");
        }
        return new PassageTiming(
                start,
                end,
                b.number("lead_in_start_ticks"),
                b.number("lead_out_start_ticks"),
                b.number("fade_in_start_ticks"),
                b.number("fade_in_end_ticks"),
                b.number("fade_out_start_ticks"));
    }
}
