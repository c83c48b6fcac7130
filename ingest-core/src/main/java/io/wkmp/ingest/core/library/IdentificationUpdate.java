package io.wkmp.ingest.core.library;

import io.wkmp.ingest.core.catalog.Recording;
import io.wkmp.ingest.core.catalog.Release;
import io.wkmp.ingest.core.flavor.Flavor;
import io.wkmp.ingest.core.identification.Identification;
import java.util.Objects;

/**
 * A new identification for a stored passage (redoing a PENDING one): replaces its decision, evidence and
 * song/album links.
 *
 * @param recording the identified recording's details (ACCEPT/REVIEW), else null
 * @param release the release the passage was matched to, else null
 * @param flavor musical flavor of the recording, else null
 */
public record IdentificationUpdate(
        String passageGuid, Identification identification, Recording recording, Release release, Flavor flavor) {
    public IdentificationUpdate {
        Objects.requireNonNull(passageGuid, "passageGuid");
        Objects.requireNonNull(identification, "identification");
    }
}
