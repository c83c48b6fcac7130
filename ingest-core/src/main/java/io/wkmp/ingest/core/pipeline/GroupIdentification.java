package io.wkmp.ingest.core.pipeline;

import io.wkmp.ingest.core.analysis.AnalyzedPassage;
import io.wkmp.ingest.core.analysis.AudioAnalysis;
import io.wkmp.ingest.core.context.ContextParser;
import io.wkmp.ingest.core.context.PathContext;
import io.wkmp.ingest.core.error.AnalysisWarning;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.identification.GroupResult;
import io.wkmp.ingest.core.identification.IdentificationGroup;
import io.wkmp.ingest.core.identification.PassageEvidence;
import io.wkmp.ingest.core.identification.PathHints;
import io.wkmp.ingest.core.pattern.PatternAnalyzer;
import io.wkmp.ingest.core.port.AcoustIdKeyPrompt;
import io.wkmp.ingest.core.port.AcoustIdService;
import io.wkmp.ingest.core.port.IdentifierSource;
import io.wkmp.ingest.core.port.PipelineContext;
import io.wkmp.ingest.core.tags.FileTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Identifies one group inside a session: offline gives PENDING; a refused AcoustID key pauses the session
 * for the user's answer (spec AIA-SEC-030) and the group is identified again with the new key, or
 * without AcoustID when the user skipped it.
 */
final class GroupIdentification {
    private final IdentifierSource identifiers;
    private final PatternAnalyzer patterns = new PatternAnalyzer();

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

    /**
     * One file's analysed passages identified as one group (their fingerprints, the file's tags and path, the
     * pattern of its segments); PENDING when offline. A group an identifier left PENDING gives {@code warnings} the
     * cause and the first reason.
     */
    GroupResult identifyFile(
            AudioAnalysis analysis,
            FileTags fileTags,
            PathHints hints,
            PipelineContext ctx,
            Consumer<AnalysisWarning> warnings) {
        List<PassageEvidence> evidence = new ArrayList<>();
        List<AnalyzedPassage> ps = analysis.passages();
        for (int i = 0; i < ps.size(); i++) {
            AnalyzedPassage p = ps.get(i);
            evidence.add(new PassageEvidence(
                    i,
                    p.timing().duration(),
                    p.fingerprintValue().map(fp -> fp.encoded()).orElse(null),
                    fileTags,
                    hints));
        }
        IdentificationGroup group =
                new IdentificationGroup(evidence, patterns.analyze(analysis.detectedSegments()), ps.size() > 1);
        Optional<GroupResult> result = identify(group, ctx);
        if (result.isEmpty()) {
            return GroupResult.pending(evidence.size(), null, "identification pending: the import ran offline");
        }
        if (result.get().pending()) {
            String why = result.get()
                    .passages()
                    .get(0)
                    .identification()
                    .evidence()
                    .reasons()
                    .get(0);
            ErrorCode cause = result.get().pendingCause();
            warnings.accept(new AnalysisWarning(cause == null ? ErrorCode.MBID_LOOKUP_FAILED : cause, why));
        }
        return result.get();
    }

    /** What the file's path suggests (artist/album/title/track from folders and name). */
    static PathHints hints(String relativePath) {
        PathContext c = ContextParser.parse(relativePath);
        return new PathHints(c.artist(), c.album(), c.title(), c.trackNumber());
    }

    /** The recordings whose flavour a group's result will ask for: the release's tracks, then the passages' own. */
    static List<String> flavorIds(GroupResult identified) {
        List<String> ids = new ArrayList<>();
        identified
                .release()
                .ifPresent(r -> r.tracks().forEach(t -> {
                    if (t.recording() != null) {
                        ids.add(t.recording().recordingMbid());
                    }
                }));
        identified.passages().forEach(p -> {
            String mbid = p.identification().recordingMbid();
            if (mbid != null && !ids.contains(mbid)) {
                ids.add(mbid);
            }
        });
        return ids;
    }
}
