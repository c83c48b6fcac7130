package io.wkmp.ingest.core.pipeline;

import io.wkmp.ingest.core.identify.Identifier;
import java.util.Optional;

/** Gives the pipeline an {@link Identifier} wired to the outside services as they are now (current AcoustID key). Thread-safe. */
@FunctionalInterface
public interface IdentifierSource {
    /**
     * @param withAcoustId false once the user skipped AcoustID for the session
     * @return empty when the import runs offline (identification stays PENDING)
     */
    Optional<Identifier> identifier(boolean withAcoustId);

    /** Offline: no identification. */
    IdentifierSource OFFLINE = withAcoustId -> Optional.empty();
}
