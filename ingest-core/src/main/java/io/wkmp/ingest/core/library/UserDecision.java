package io.wkmp.ingest.core.library;

import io.wkmp.ingest.core.identification.Decision;
import io.wkmp.ingest.core.passage.PassageTiming;
import java.time.Instant;
import java.util.Objects;

/**
 * A person's decision on a passage, which every later import and redo keeps: a re-import of the unchanged file
 * carries it over, the pending redo never overwrites it; a changed file is identified (and reviewed) again.
 *
 * @param recordingMbid the recording the person accepted or chose; null for {@link Action#UNIDENTIFIABLE}
 * @param by who decided (a user name, free text)
 * @param at when
 */
public record UserDecision(Action action, String recordingMbid, String by, Instant at) {
    /** What the person did. */
    public enum Action {
        /** Accepted the recording the import proposed (or one of its candidates). */
        ACCEPT,
        /** Chose another recording by its MusicBrainz id. */
        CHOOSE,
        /** Marked the passage as not identifiable: it stays a passage without a song. */
        UNIDENTIFIABLE
    }

    public UserDecision {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        if ((action == Action.UNIDENTIFIABLE) != (recordingMbid == null)) {
            throw new IllegalArgumentException(
                    action + " needs " + (recordingMbid == null ? "a" : "no") + " recording");
        }
    }

    /**
     * True when a decision made on a passage ({@code before}, of a file with content {@code shaBefore}) still holds
     * for a newly imported passage ({@code after}, of content {@code shaAfter}): same file content, same start and
     * end. A changed file asks again.
     */
    public static boolean carriesOver(String shaBefore, PassageTiming before, String shaAfter, PassageTiming after) {
        return shaBefore != null
                && shaBefore.equals(shaAfter)
                && before.start() == after.start()
                && before.end() == after.end();
    }

    /** The identification decision it stands for: ACCEPT with a recording, REJECT without. */
    public Decision decision() {
        return action == Action.UNIDENTIFIABLE ? Decision.REJECT : Decision.ACCEPT;
    }
}
