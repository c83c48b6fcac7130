package io.wkmp.ingest.core.library;

import io.wkmp.ingest.core.passage.PassageTiming;
import java.util.Objects;

/**
 * A passage as the database holds it, for the metadata view and the segment editor.
 *
 * @param decision identification decision text (ACCEPT, REVIEW, REJECT, PENDING), null when never assessed
 * @param confidence identification confidence 0..1, null when never assessed
 * @param evidenceJson the stored identification evidence (JSON text), null when none
 * @param importMetadataJson the stored amplitude-analysis audit (JSON text), null when none
 */
public record StoredPassage(
        String guid,
        PassageTiming timing,
        String title,
        String artist,
        String album,
        String recordingMbid,
        String fingerprint,
        String decision,
        Double confidence,
        String evidenceJson,
        String importMetadataJson) {
    public StoredPassage {
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(timing, "timing");
    }
}
