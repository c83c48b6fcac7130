package io.wkmp.ingest.core.identify;

import io.wkmp.ingest.core.catalog.Recording;
import io.wkmp.ingest.core.catalog.Track;
import io.wkmp.ingest.core.identification.Candidate;
import io.wkmp.ingest.core.identification.PassageEvidence;
import io.wkmp.ingest.core.port.AcoustIdMatch;
import io.wkmp.ingest.core.port.AcoustIdRelease;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The recordings an identification considered, kept with its evidence for a person reviewing it. */
final class Candidates {
    private Candidates() {}

    /** Most candidates kept with the evidence. */
    static final int MAX_CANDIDATES = 5;

    /**
     * The recordings considered for {@code p}, best fingerprint first (at most {@link #MAX_CANDIDATES}): the
     * fingerprint's matches, and {@code rec} (the one assessed) first when no match names it.
     */
    static List<Candidate> of(PassageEvidence p, Recording rec, Optional<Track> track, List<AcoustIdMatch> matches) {
        List<Candidate> out = new ArrayList<>();
        if (matches.stream().noneMatch(m -> m.recordingMbid().equals(rec.recordingMbid()))) {
            long ms = PassageAssessor.expectedMs(rec, track);
            out.add(new Candidate(
                    rec.recordingMbid(),
                    rec.title(),
                    null,
                    track.map(Track::position).orElse(null),
                    Double.NaN,
                    ms > 0 ? ms / 1000.0 - p.seconds() : Double.NaN));
        }
        matches.stream()
                .sorted(Comparator.comparingDouble(AcoustIdMatch::score).reversed())
                .forEach(m -> {
                    AcoustIdRelease r =
                            m.releases().isEmpty() ? null : m.releases().get(0);
                    out.add(new Candidate(
                            m.recordingMbid(),
                            m.title(),
                            r == null ? null : r.releaseMbid(),
                            r == null || r.trackPosition() <= 0 ? null : r.trackPosition(),
                            m.score(),
                            m.durationSeconds() > 0 ? m.durationSeconds() - p.seconds() : Double.NaN));
                });
        return out.subList(0, Math.min(MAX_CANDIDATES, out.size()));
    }
}
