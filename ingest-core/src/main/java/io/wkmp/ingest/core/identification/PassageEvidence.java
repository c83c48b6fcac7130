package io.wkmp.ingest.core.identification;

import io.wkmp.ingest.core.tags.FileTags;
import io.wkmp.ingest.core.time.Ticks;

/**
 * One passage to identify together with the others of its group.
 *
 * @param index position within the group (0-based, file order or segment order)
 * @param fingerprint Chromaprint's compressed fingerprint, or null (too short, failed)
 * @param tags the file's tags ({@link FileTags#EMPTY} when none)
 */
public record PassageEvidence(int index, long durationTicks, String fingerprint, FileTags tags, PathHints hints) {
    public PassageEvidence {
        if (index < 0 || durationTicks <= 0) {
            throw new IllegalArgumentException(
                    "index must be >= 0 and duration positive, got " + index + ", " + durationTicks);
        }
        tags = tags == null ? FileTags.EMPTY : tags;
        hints = hints == null ? PathHints.NONE : hints;
    }

    public double seconds() {
        return Ticks.toSeconds(durationTicks);
    }

    /** Track number from the tags, else from the file name. */
    public Integer trackNumber() {
        return tags.trackNumber() != null ? tags.trackNumber() : hints.trackNumber();
    }

    public String artist() {
        return first(tags.artist(), hints.artist());
    }

    public String albumArtist() {
        return first(tags.albumArtist(), artist());
    }

    public String album() {
        return first(tags.album(), hints.album());
    }

    public String title() {
        return first(tags.title(), hints.title());
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
