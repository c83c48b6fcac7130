package io.wkmp.ingest.core.passage;

import java.util.List;

/**
 * The seven timing points of a passage, absolute ticks from the start of its file (decisions.md "Time").
 *
 * <p>{@code start}/{@code end} bound the passage. {@code leadIn}/{@code leadOut} are the Lead-In and
 * Lead-Out points of the crossfade model (end of the quiet intro, start of the quiet outro).
 * {@code fadeInStart}/{@code fadeInEnd}/{@code fadeOutStart} describe the recording's own natural fades
 * and are null where it starts or ends hard; lead points may be null when not analysed.
 *
 * <p>The constructor enforces both ordering chains, skipping null points:
 * start &lt;= fadeInStart &lt;= fadeInEnd &lt;= fadeOutStart &lt;= end and start &lt;= leadIn &lt;= leadOut &lt;= end.
 */
public record PassageTiming(
        long start, long end, Long leadIn, Long leadOut, Long fadeInStart, Long fadeInEnd, Long fadeOutStart) {

    public PassageTiming {
        if (start < 0) {
            throw own("start_time_ticks", TimingException.point("start_time_ticks", start) + " must not be negative");
        }
        if (end <= start) {
            throw own(
                    "end_time_ticks",
                    TimingException.point("end_time_ticks", end) + " must be after "
                            + TimingException.point("start_time_ticks", start));
        }
        checkChain(
                new String[] {
                    "start_time_ticks",
                    "fade_in_start_ticks",
                    "fade_in_end_ticks",
                    "fade_out_start_ticks",
                    "end_time_ticks"
                },
                new Long[] {start, fadeInStart, fadeInEnd, fadeOutStart, end});
        checkChain(
                new String[] {"start_time_ticks", "lead_in_start_ticks", "lead_out_start_ticks", "end_time_ticks"},
                new Long[] {start, leadIn, leadOut, end});
    }

    /** A passage with bounds only: no lead or fade points. */
    public static PassageTiming bounds(long start, long end) {
        return new PassageTiming(start, end, null, null, null, null, null);
    }

    /** Length of the passage in ticks. */
    public long duration() {
        return end - start;
    }

    /** A copy with new lead points. */
    public PassageTiming withLeads(Long newLeadIn, Long newLeadOut) {
        return new PassageTiming(start, end, newLeadIn, newLeadOut, fadeInStart, fadeInEnd, fadeOutStart);
    }

    /** A copy with new natural-fade points. */
    public PassageTiming withFades(Long newFadeInStart, Long newFadeInEnd, Long newFadeOutStart) {
        return new PassageTiming(start, end, leadIn, leadOut, newFadeInStart, newFadeInEnd, newFadeOutStart);
    }

    private static TimingException own(String field, String message) {
        return new TimingException(message, List.of(new TimingException.Fault(null, field)));
    }

    private static void checkChain(String[] names, Long[] values) {
        int previous = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] == null) {
                continue;
            }
            if (values[i] < values[previous]) {
                throw own(
                        names[i],
                        TimingException.point(names[i], values[i]) + " must not be before "
                                + TimingException.point(names[previous], values[previous]));
            }
            previous = i;
        }
    }
}
