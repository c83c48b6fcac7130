package io.wkmp.ingest.core.identify;

import io.wkmp.ingest.core.catalog.Release;
import java.util.List;
import java.util.Optional;

/** The outcome for a group: the release it was matched to (the album to link) and one result a passage, in order. */
public record GroupResult(Optional<Release> release, List<PassageResult> passages) {
    public GroupResult {
        passages = List.copyOf(passages);
    }

    /** True when every passage is still to be identified (offline, no key, service down). */
    public boolean pending() {
        return passages.stream().allMatch(p -> p.identification().decision() == Decision.PENDING);
    }
}
