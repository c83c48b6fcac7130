package io.wkmp.ingest.core.identification;

import io.wkmp.ingest.core.catalog.Release;
import io.wkmp.ingest.core.error.ErrorCode;
import java.util.List;
import java.util.Optional;

/**
 * The outcome for a group: the release it was matched to (the album to link) and one result a passage, in order.
 *
 * @param pendingCause why the whole group stays PENDING (the service that could not be used), null otherwise
 */
public record GroupResult(Optional<Release> release, List<PassageResult> passages, ErrorCode pendingCause) {
    public GroupResult {
        passages = List.copyOf(passages);
    }

    public GroupResult(Optional<Release> release, List<PassageResult> passages) {
        this(release, passages, null);
    }

    /** Every one of {@code passageCount} passages left PENDING for {@code why}, because of {@code cause}. */
    public static GroupResult pending(int passageCount, ErrorCode cause, String why) {
        List<PassageResult> out = new java.util.ArrayList<>();
        for (int i = 0; i < passageCount; i++) {
            out.add(PassageResult.pending(why));
        }
        return new GroupResult(Optional.empty(), out, cause);
    }

    /** True when every passage is still to be identified (offline, no key, service down). */
    public boolean pending() {
        return passages.stream().allMatch(p -> p.identification().decision() == Decision.PENDING);
    }
}
