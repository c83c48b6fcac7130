package io.wkmp.ingest.core.identification;

import io.wkmp.ingest.core.catalog.Recording;
import io.wkmp.ingest.core.catalog.Track;
import java.util.Optional;

/**
 * The identification of one passage, with the recording (artists, works) to write for ACCEPT and REVIEW
 * and the release track it was aligned to, when there is one.
 */
public record PassageResult(Identification identification, Optional<Recording> recording, Optional<Track> track) {
    /** A passage left unidentified for now. */
    static PassageResult pending(String why) {
        return new PassageResult(Identification.pending(why), Optional.empty(), Optional.empty());
    }
}
