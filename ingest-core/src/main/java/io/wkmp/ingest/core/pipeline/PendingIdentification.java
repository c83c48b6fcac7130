package io.wkmp.ingest.core.pipeline;

import io.wkmp.ingest.core.identification.GroupResult;
import io.wkmp.ingest.core.identification.IdentificationGroup;
import io.wkmp.ingest.core.identification.PassageEvidence;
import io.wkmp.ingest.core.identification.PassageResult;
import io.wkmp.ingest.core.library.IdentificationUpdate;
import io.wkmp.ingest.core.library.PendingPassage;
import io.wkmp.ingest.core.pattern.PatternAnalyzer;
import io.wkmp.ingest.core.port.FingerprintQuery;
import io.wkmp.ingest.core.port.FlavorSource;
import io.wkmp.ingest.core.port.IdentificationRedo;
import io.wkmp.ingest.core.port.IdentifierSource;
import io.wkmp.ingest.core.port.LibraryStore;
import io.wkmp.ingest.core.port.PipelineContext;
import io.wkmp.ingest.core.segment.Segment;
import io.wkmp.ingest.core.session.FileStage;
import io.wkmp.ingest.core.time.Ticks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finishes identifications left PENDING by an earlier offline run, from the stored fingerprints, tags and
 * timings: no file is decoded again. Works file by file, each file's passages as one group, and writes
 * each file's new identifications in one transaction. Thread-safe.
 */
public final class PendingIdentification implements IdentificationRedo {
    private final LibraryStore store;
    private final IdentifierSource identifiers;
    private final GroupIdentification identification;
    private final FlavorSource catalogFlavor;
    private final Path root;
    private final PatternAnalyzer patterns = new PatternAnalyzer();

    /**
     * @param catalogFlavor a flavour source that needs no decode (AcousticBrainz); the passage keeps its stored flavour otherwise
     */
    public PendingIdentification(
            LibraryStore store, IdentifierSource identifiers, FlavorSource catalogFlavor, Path root) {
        this.store = store;
        this.identifiers = identifiers;
        this.identification = new GroupIdentification(identifiers);
        this.catalogFlavor = catalogFlavor;
        this.root = root;
    }

    @Override
    public int redo(PipelineContext ctx, String folderPrefix, Listener listener) {
        Map<String, List<PendingPassage>> byFile = new LinkedHashMap<>();
        for (PendingPassage p : store.passagesPendingIdentification(folderPrefix)) {
            byFile.computeIfAbsent(p.fileRelativePath(), k -> new ArrayList<>()).add(p);
        }
        if (ctx.acoustIdKey().enabled()) {
            // one request for every 20 stored fingerprints, not one a file
            identifiers.lookAhead(byFile.values().stream()
                    .flatMap(List::stream)
                    .filter(p -> p.fingerprint() != null)
                    .map(p -> FingerprintQuery.of(
                            p.fingerprint(), Ticks.toSeconds(p.timing().duration())))
                    .toList());
        }
        int resolved = 0;
        for (Map.Entry<String, List<PendingPassage>> e : byFile.entrySet()) {
            ctx.stage(FileStage.REIDENTIFY);
            List<PendingPassage> ps = e.getValue();
            List<PassageEvidence> evidence = new ArrayList<>();
            List<Segment> segments = new ArrayList<>();
            for (int i = 0; i < ps.size(); i++) {
                PendingPassage p = ps.get(i);
                evidence.add(new PassageEvidence(
                        i, p.timing().duration(), p.fingerprint(), p.tags(), GroupIdentification.hints(e.getKey())));
                segments.add(new Segment(p.timing().start(), p.timing().end()));
            }
            var result = identification.identify(
                    new IdentificationGroup(evidence, patterns.analyze(segments), ps.size() > 1), ctx);
            if (result.isEmpty()) {
                return resolved;
            }
            GroupResult g = result.get();
            if (g.pending()) {
                listener.stillPending(
                        e.getKey(),
                        g.pendingCause(),
                        g.passages()
                                .get(0)
                                .identification()
                                .evidence()
                                .reasons()
                                .get(0));
                continue;
            }
            List<IdentificationUpdate> updates = new ArrayList<>();
            List<String> flavorIds = GroupIdentification.flavorIds(g);
            if (!flavorIds.isEmpty()) {
                catalogFlavor.prefetch(flavorIds);
            }
            for (int i = 0; i < ps.size(); i++) {
                PassageResult r = g.passages().get(i);
                String mbid = r.identification().recordingMbid();
                var flavor = mbid == null
                        ? null
                        : catalogFlavor
                                .flavorOf(
                                        mbid,
                                        root.resolve(e.getKey()),
                                        ps.get(i).timing().start(),
                                        ps.get(i).timing().end())
                                .orElse(null);
                updates.add(new IdentificationUpdate(
                        ps.get(i).passageGuid(),
                        r.identification(),
                        r.recording().orElse(null),
                        mbid == null || r.track().isEmpty() ? null : g.release().orElse(null),
                        flavor));
            }
            store.updateIdentifications(updates);
            updates.forEach(u -> listener.decided(u.identification()));
            resolved += updates.size();
        }
        return resolved;
    }
}
