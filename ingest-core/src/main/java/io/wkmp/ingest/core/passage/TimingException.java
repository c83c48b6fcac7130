package io.wkmp.ingest.core.passage;

import io.wkmp.ingest.core.time.Ticks;
import java.util.List;
import java.util.Map;

/**
 * A passage timing that breaks a rule of {@link PassageTiming} or {@link PassageLayout}. The message names the points
 * in plain words with their times as {@code m:ss.mmm}, never raw ticks; {@link #faults()} says which points of which
 * passages are at fault, so an editor can show the message beside them.
 */
public final class TimingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The plain name of each timing point, by its column name. */
    private static final Map<String, String> LABELS = Map.of(
            "start_time_ticks", "Start",
            "end_time_ticks", "End",
            "lead_in_start_ticks", "Lead-in",
            "lead_out_start_ticks", "Lead-out",
            "fade_in_start_ticks", "Fade-in start",
            "fade_in_end_ticks", "Fade-in end",
            "fade_out_start_ticks", "Fade-out start");

    /**
     * One point at fault.
     *
     * @param passage the passage's timing; null when the rule broken is one passage's own (the timing was refused
     *     while it was being made: the caller knows which it is)
     * @param field the point's column name, e.g. {@code lead_in_start_ticks}
     */
    public record Fault(PassageTiming passage, String field) {}

    private final transient List<Fault> faults;

    TimingException(String message, List<Fault> faults) {
        super(message);
        this.faults = List.copyOf(faults);
    }

    /** The points at fault, the one to change first. */
    public List<Fault> faults() {
        return faults;
    }

    /** "Lead-in (0:12.000)": a point's plain name and its time. */
    static String point(String field, long ticks) {
        return label(field) + " (" + Ticks.format(ticks) + ")";
    }

    /** The plain name of a timing column, e.g. "Lead-in" for {@code lead_in_start_ticks}. */
    public static String label(String field) {
        return LABELS.getOrDefault(field, field);
    }
}
