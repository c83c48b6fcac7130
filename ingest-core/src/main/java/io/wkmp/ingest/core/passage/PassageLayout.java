package io.wkmp.ingest.core.passage;

import io.wkmp.ingest.core.time.Ticks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rule for the passages of one file taken together: ordered by start they do not overlap (touching is
 * allowed) and none ends after the file. Each passage's own ordering chains are {@link PassageTiming}'s.
 */
public final class PassageLayout {
    private PassageLayout() {}

    /**
     * Checks {@code passages} (any order) against each other and the file length.
     *
     * @param fileDurationTicks the file's length, or a negative number when unknown (then only overlaps are checked)
     * @throws TimingException naming the first offending pair or passage
     */
    public static void check(List<PassageTiming> passages, long fileDurationTicks) {
        List<PassageTiming> sorted = new ArrayList<>(passages);
        sorted.sort(Comparator.comparingLong(PassageTiming::start));
        for (int i = 0; i < sorted.size(); i++) {
            PassageTiming p = sorted.get(i);
            if (fileDurationTicks >= 0 && p.end() > fileDurationTicks) {
                throw new TimingException(
                        "passage " + (i + 1) + " ends at " + Ticks.format(p.end()) + ", after the end of the file ("
                                + Ticks.format(fileDurationTicks) + ")",
                        List.of(new TimingException.Fault(p, "end_time_ticks")));
            }
            if (i > 0 && p.start() < sorted.get(i - 1).end()) {
                PassageTiming previous = sorted.get(i - 1);
                throw new TimingException(
                        "passage " + (i + 1) + " starts at " + Ticks.format(p.start()) + ", before passage " + i
                                + " ends (" + Ticks.format(previous.end()) + "): passages must not overlap",
                        List.of(
                                new TimingException.Fault(p, "start_time_ticks"),
                                new TimingException.Fault(previous, "end_time_ticks")));
            }
        }
    }
}
