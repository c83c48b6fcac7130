package io.wkmp.ingest.core.identify;

import io.wkmp.ingest.core.catalog.Release;
import io.wkmp.ingest.core.catalog.Track;
import io.wkmp.ingest.core.identification.IdentificationGroup;
import io.wkmp.ingest.core.identification.PassageEvidence;
import io.wkmp.ingest.core.identify.TrackAligner.Alignment;
import io.wkmp.ingest.core.match.ContextualScoring;
import io.wkmp.ingest.core.port.AcoustIdMatch;
import java.util.ArrayList;
import java.util.List;

/**
 * How well a group fits the release it was aligned to: the release score (track count, lengths in track order,
 * names) that raises single passages' metadata, and for a multi-segment file its context (release score, segment
 * pattern, whether every segment's fingerprint lists the release). Thread-safe.
 */
final class ReleaseFit {
    private final ContextualMatcher matcher;
    private final PassageAssessor assessor;

    ReleaseFit(ContextualMatcher matcher, PassageAssessor assessor) {
        this.matcher = matcher;
        this.assessor = assessor;
    }

    /** The file-level context of a multi-segment file: release score, segment pattern, release consistency. */
    PassageAssessor.FileContext fileContext(
            IdentificationGroup group,
            Alignment a,
            List<Track> tracks,
            List<List<AcoustIdMatch>> matches,
            List<String> why) {
        List<PassageEvidence> ps = group.passages();
        boolean same = true;
        for (int i = 0; i < ps.size(); i++) {
            // a segment identified on its own (not on the release) says nothing about the others' consistency
            if (tracks.get(i) != null
                    && ps.get(i).fingerprint() != null
                    && !matches.get(i).stream()
                            .anyMatch(m -> m.score() >= Identifier.MIN_FINGERPRINT_SCORE
                                    && m.releaseMbids().contains(a.release().releaseMbid()))) {
                same = false;
            }
        }
        double contextual = releaseScore(a, ps);
        double count = ContextualScoring.trackCountMatch(
                group.pattern().trackCount(), a.release().tracks().size());
        double pattern =
                (count + ContextualScoring.durationAlignment(durationsInTrackOrder(a, ps), trackSeconds(a.release())))
                        / 2;
        why.add(String.format(
                "multi-segment file: contextual %.2f, pattern %.2f, %s",
                contextual,
                pattern,
                same
                        ? "every fingerprinted segment on the release lists it"
                        : "not every segment's fingerprint lists this release"));
        List<Double> fps = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            if (tracks.get(i) != null) {
                fps.add(PassageAssessor.fingerprintScore(
                        matches.get(i), tracks.get(i).recording().recordingMbid()));
            }
        }
        return assessor.fileContext(contextual, pattern, same, fps);
    }

    /** The release alignment score of the group on {@code a}'s release (names by majority of the passages). */
    double releaseScore(Alignment a, List<PassageEvidence> ps) {
        return matcher.releaseScore(
                a.release(),
                ps.size(),
                durationsInTrackOrder(a, ps),
                ReleaseChooser.majority(ps, PassageEvidence::albumArtist),
                ReleaseChooser.majority(ps, PassageEvidence::album));
    }

    /** Passage seconds in the release's track order (0 for an unmatched track), unaligned passages appended. */
    private static List<Double> durationsInTrackOrder(Alignment a, List<PassageEvidence> ps) {
        List<Double> out = new ArrayList<>();
        for (Track t : a.release().tracks()) {
            double d = 0;
            for (int i = 0; i < ps.size(); i++) {
                if (a.tracks().get(i) != null && a.tracks().get(i).trackMbid().equals(t.trackMbid())) {
                    d = ps.get(i).seconds();
                }
            }
            out.add(d);
        }
        for (int i = 0; i < ps.size(); i++) {
            if (a.tracks().get(i) == null) {
                out.add(ps.get(i).seconds());
            }
        }
        return out;
    }

    private static List<Double> trackSeconds(Release r) {
        return r.tracks().stream()
                .map(t -> t.lengthMs() > 0 ? t.lengthMs() / 1000.0 : 0)
                .toList();
    }
}
