package io.wkmp.ingest.core.pipeline;

import io.wkmp.ingest.core.identification.GroupResult;
import io.wkmp.ingest.core.identification.IdentificationGroup;
import io.wkmp.ingest.core.port.AcoustIdKeyPrompt;
import io.wkmp.ingest.core.port.AcoustIdService;
import io.wkmp.ingest.core.port.IdentifierSource;
import io.wkmp.ingest.core.port.PipelineContext;
import java.util.Optional;

/**
 * Identifies one group inside a session: offline gives PENDING; a refused AcoustID key pauses the session
 * for the user's answer (spec AIA-SEC-030) and the group is identified again with the new key, or
 * without AcoustID when the user skipped it.
 */
final class GroupIdentification {
    private final IdentifierSource identifiers;

    GroupIdentification(IdentifierSource identifiers) {
        this.identifiers = identifiers;
    }

    /** Empty when offline. */
    Optional<GroupResult> identify(IdentificationGroup group, PipelineContext ctx) {
        while (true) {
            AcoustIdKeyPrompt prompt = ctx.acoustIdKey();
            long keyVersion = prompt.version(); // before the identifier picks up the key in force
            Optional<IdentifierSource.GroupIdentifier> identifier = identifiers.identifier(prompt.enabled());
            if (identifier.isEmpty()) {
                return Optional.empty();
            }
            try {
                IdentifierSource.GroupIdentifier id = identifier.get();
                return Optional.of(ctx.waitingOnServices(() -> id.identify(group)));
            } catch (AcoustIdService.InvalidApiKeyException e) {
                prompt.refused(e.getMessage(), keyVersion);
            }
        }
    }
}
