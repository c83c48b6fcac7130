package io.wkmp.ingest.core.review;

import io.wkmp.ingest.core.library.ReviewPassage;
import io.wkmp.ingest.core.library.UserDecision;
import io.wkmp.ingest.core.port.LibraryStore;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The review workflow: the passages the import could not decide, and a person's decisions on them (accept the
 * proposed recording, choose another by MBID, or mark the passage not identifiable), stored with who and when.
 * Thread-safe when the store is.
 */
public final class Review {
    private static final Pattern MBID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final LibraryStore store;
    private final Clock clock;

    public Review(LibraryStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The passages {@code filter} selects, in file and time order. */
    public List<ReviewPassage> list(ReviewFilter filter) {
        return store.passagesForReview(filter.decisions(), filter.folderPrefix()).stream()
                .filter(filter::matches)
                .toList();
    }

    /** One passage, with or without a decision. */
    public ReviewPassage passage(String passageGuid) {
        return store.passageForReview(passageGuid)
                .orElseThrow(() -> new NoSuchElementException("no passage " + passageGuid));
    }

    /**
     * Accepts the recording the passage names now, or {@code candidateMbid} when given (one of its candidates).
     *
     * @throws IllegalArgumentException when there is nothing to accept, or the MBID is malformed
     */
    public ReviewPassage accept(String passageGuid, String candidateMbid, String by) {
        ReviewPassage p = passage(passageGuid);
        String mbid = candidateMbid != null ? candidateMbid : p.recordingMbid();
        if (mbid == null) {
            throw new IllegalArgumentException("passage " + passageGuid + " names no recording to accept; choose one by"
                    + " its MusicBrainz id or mark it not identifiable");
        }
        return decide(p, UserDecision.Action.ACCEPT, checkedMbid(mbid), by);
    }

    /** Chooses another recording by its MusicBrainz recording id. */
    public ReviewPassage choose(String passageGuid, String recordingMbid, String by) {
        return decide(passage(passageGuid), UserDecision.Action.CHOOSE, checkedMbid(recordingMbid), by);
    }

    /** Marks the passage as not identifiable: no recording, no song. */
    public ReviewPassage unidentifiable(String passageGuid, String by) {
        return decide(passage(passageGuid), UserDecision.Action.UNIDENTIFIABLE, null, by);
    }

    private ReviewPassage decide(ReviewPassage p, UserDecision.Action action, String mbid, String by) {
        String who = by == null || by.isBlank() ? "unknown" : by.strip();
        store.recordUserDecision(p.guid(), new UserDecision(action, mbid, who, clock.instant()));
        return passage(p.guid());
    }

    private static String checkedMbid(String mbid) {
        String m = mbid == null ? "" : mbid.strip().toLowerCase(java.util.Locale.ROOT);
        if (!MBID.matcher(m).matches()) {
            throw new IllegalArgumentException("not a MusicBrainz recording id: '" + mbid + "'");
        }
        return m;
    }
}
