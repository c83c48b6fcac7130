package io.wkmp.ingest.core.port;

import io.wkmp.ingest.core.identification.GroupResult;
import io.wkmp.ingest.core.identification.IdentificationGroup;
import java.util.List;
import java.util.Optional;

/**
 * Gives the pipeline an identifier ({@code core.identify.Identifier}) wired to the outside services as they are now
 * (current AcoustID key). Thread-safe.
 */
@FunctionalInterface
public interface IdentifierSource {
    /**
     * @param withAcoustId false once the user skipped AcoustID for the session
     * @return empty when the import runs offline (identification stays PENDING)
     */
    Optional<GroupIdentifier> identifier(boolean withAcoustId);

    /**
     * Asks the fingerprint service about {@code queries} now, all together (20 a request), so that the
     * identifications that follow find their answers cached; a failure is left for them to meet and report.
     */
    default void lookAhead(List<FingerprintQuery> queries) {}

    /** Offline: no identification. */
    IdentifierSource OFFLINE = withAcoustId -> Optional.empty();

    /** Identifies the passages of one group together. */
    @FunctionalInterface
    interface GroupIdentifier {
        /**
         * @throws AcoustIdService.InvalidApiKeyException when AcoustID refused the key
         */
        GroupResult identify(IdentificationGroup group);
    }
}
