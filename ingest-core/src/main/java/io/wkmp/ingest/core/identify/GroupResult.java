package io.wkmp.ingest.core.identify;

import io.wkmp.ingest.core.catalog.Release;
import java.util.List;
import java.util.Optional;

/** The outcome for a group: the release it was matched to (the album to link) and one result a passage, in order. */
public record GroupResult(Optional<Release> release, List<PassageResult> passages) {
    public GroupResult {
        passages = List.copyOf(passages);
    }

    /** Every one of {@code passageCount} passages left PENDING for {@code why}. */
    public static GroupResult pending(int passageCount, String why) {
        List<PassageResult> out = new java.util.ArrayList<>();
        for (int i = 0; i < passageCount; i++) {
            out.add(PassageResult.pending(why));
        }
        return new GroupResult(Optional.empty(), out);
    }

    /** True when every passage is still to be identified (offline, no key, service down). */
    public boolean pending() {
        return passages.stream().allMatch(p -> p.identification().decision() == Decision.PENDING);
    }
}
