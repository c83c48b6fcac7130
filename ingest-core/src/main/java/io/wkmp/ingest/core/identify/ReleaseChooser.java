package io.wkmp.ingest.core.identify;

import io.wkmp.ingest.core.catalog.Release;
import io.wkmp.ingest.core.identification.PassageEvidence;
import io.wkmp.ingest.core.identify.TrackAligner.Alignment;
import io.wkmp.ingest.core.port.AcoustIdMatch;
import io.wkmp.ingest.core.port.MusicBrainzService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Picks the one release a group belongs to, spending at most {@link Identifier#MAX_RELEASE_LOOKUPS}
 * MusicBrainz requests: releases voted for by the most passages' fingerprints (ties: the tags' release id,
 * then a track count equal to the group's), else the tags' release id, else a release search by album
 * artist, album and track count.
 */
final class ReleaseChooser {
    private final MusicBrainzService musicBrainz;
    private final ContextualMatcher matcher;

    ReleaseChooser(MusicBrainzService musicBrainz, ContextualMatcher matcher) {
        this.musicBrainz = musicBrainz;
        this.matcher = matcher;
    }

    Optional<Alignment> choose(List<PassageEvidence> ps, List<List<AcoustIdMatch>> matches, List<String> why) {
        List<String> candidates = candidates(ps, matches, why);
        Alignment best = null;
        int lookups = 0;
        for (String id : candidates) {
            if (lookups >= Identifier.MAX_RELEASE_LOOKUPS) {
                break;
            }
            lookups++;
            Optional<Release> r = musicBrainz.lookupRelease(id);
            if (r.isEmpty()) {
                why.add("release " + id + " is unknown to MusicBrainz");
                continue;
            }
            Alignment a = TrackAligner.align(r.get(), ps, matches);
            if (best == null || a.aligned() > best.aligned()) {
                best = a;
            }
            if (a.aligned() * 5 >= ps.size() * 4) {
                break;
            }
        }
        if (best == null && candidates.isEmpty()) {
            List<Double> durations = ps.stream().map(PassageEvidence::seconds).toList();
            // a lone file is one track of an album: search by the album's track total (from its tags), not by 1
            Integer total = ps.size() == 1 ? ps.get(0).tags().trackTotal() : Integer.valueOf(ps.size());
            List<ContextualMatcher.ReleaseCandidate> found = matcher.rankReleases(
                    majority(ps, PassageEvidence::albumArtist),
                    majority(ps, PassageEvidence::album),
                    durations,
                    total == null ? -1 : total,
                    Identifier.MAX_RELEASE_LOOKUPS - 1);
            if (!found.isEmpty() && found.get(0).score() >= Identifier.MIN_FINGERPRINT_SCORE) {
                best = TrackAligner.align(found.get(0).release(), ps, matches);
                why.add(String.format(
                        "release found by album search (score %.2f)",
                        found.get(0).score()));
            }
        }
        if (best != null) {
            why.add(String.format(
                    "release %s \"%s\": %d of %d passages aligned, %d by fingerprint",
                    best.release().releaseMbid(),
                    best.release().title(),
                    best.aligned(),
                    ps.size(),
                    best.byFingerprint()));
        } else {
            why.add("no release matches the group");
        }
        return Optional.ofNullable(best);
    }

    private static List<String> candidates(
            List<PassageEvidence> ps, List<List<AcoustIdMatch>> matches, List<String> why) {
        Map<String, Integer> votes = new LinkedHashMap<>();
        Map<String, Integer> trackCounts = new HashMap<>();
        for (List<AcoustIdMatch> ms : matches) {
            Set<String> mine = new LinkedHashSet<>();
            for (AcoustIdMatch m : ms) {
                if (m.score() >= Identifier.MIN_FINGERPRINT_SCORE) {
                    m.releases().forEach(r -> {
                        mine.add(r.releaseMbid());
                        trackCounts.putIfAbsent(r.releaseMbid(), r.trackCount());
                    });
                }
            }
            mine.forEach(id -> votes.merge(id, 1, Integer::sum));
        }
        String tagRelease = majority(ps, p -> p.tags().mbReleaseId());
        List<String> ids = new ArrayList<>(votes.keySet());
        ids.sort(Comparator.<String>comparingInt(votes::get)
                .reversed()
                .thenComparing(id -> !id.equals(tagRelease))
                .thenComparingInt(id -> Math.abs(trackCounts.getOrDefault(id, -1000) - ps.size())));
        if (!ids.isEmpty()) {
            why.add("fingerprints vote for release " + ids.get(0) + " (" + votes.get(ids.get(0)) + " of " + ps.size()
                    + " passages)");
        }
        if (tagRelease != null && !ids.contains(tagRelease)) {
            ids.add(tagRelease);
        }
        return ids;
    }

    /** The most common non-blank value among the passages, or null. */
    static String majority(List<PassageEvidence> ps, Function<PassageEvidence, String> f) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (PassageEvidence p : ps) {
            String v = f.apply(p);
            if (v != null && !v.isBlank()) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(null);
    }
}
