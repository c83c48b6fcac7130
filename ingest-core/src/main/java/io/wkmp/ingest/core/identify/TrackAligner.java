package io.wkmp.ingest.core.identify;

import io.wkmp.ingest.core.catalog.Medium;
import io.wkmp.ingest.core.catalog.Release;
import io.wkmp.ingest.core.catalog.Track;
import io.wkmp.ingest.core.identification.PassageEvidence;
import io.wkmp.ingest.core.port.AcoustIdMatch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Aligns a group's passages to a release's tracks: first by fingerprint (the passage's AcoustID candidates
 * include the track's recording), then by track number (tags, else file name; disc from the tags), then,
 * when the group has exactly as many passages as the release has tracks, the remaining passages to the
 * remaining tracks in order. Each track is used once.
 */
final class TrackAligner {
    /** How a passage was aligned. */
    enum Via {
        FINGERPRINT,
        TRACK_NUMBER,
        ORDER,
        NONE
    }

    /** The alignment: per passage a track (or null) and how it was found. */
    record Alignment(Release release, List<Track> tracks, List<Via> via) {
        int aligned() {
            return (int) via.stream().filter(v -> v != Via.NONE).count();
        }

        int byFingerprint() {
            return (int) via.stream().filter(v -> v == Via.FINGERPRINT).count();
        }
    }

    private TrackAligner() {}

    static Alignment align(Release release, List<PassageEvidence> passages, List<List<AcoustIdMatch>> matches) {
        int n = passages.size();
        List<Track> tracks = new ArrayList<>();
        List<Via> via = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tracks.add(null);
            via.add(Via.NONE);
        }
        Set<String> used = new HashSet<>();
        for (int i = 0; i < n; i++) {
            for (AcoustIdMatch m : matches.get(i)) {
                Track t = trackOf(release, m.recordingMbid(), used);
                if (t != null && m.score() >= Identifier.MIN_FINGERPRINT_SCORE) {
                    set(tracks, via, used, i, t, Via.FINGERPRINT);
                    break;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            Integer number = passages.get(i).trackNumber();
            if (tracks.get(i) != null || number == null) {
                continue;
            }
            Integer disc = passages.get(i).tags().discNumber();
            int medium = disc == null ? 1 : disc;
            for (Medium m : release.media()) {
                if (m.position() == medium || release.media().size() == 1) {
                    for (Track t : m.tracks()) {
                        if (t.position() == number && !used.contains(t.trackMbid())) {
                            set(tracks, via, used, i, t, Via.TRACK_NUMBER);
                        }
                    }
                }
            }
        }
        List<Track> all = release.tracks();
        if (all.size() == n) {
            List<Track> free = new ArrayList<>();
            for (Track t : all) {
                if (!used.contains(t.trackMbid())) {
                    free.add(t);
                }
            }
            int next = 0;
            for (int i = 0; i < n && next < free.size(); i++) {
                if (tracks.get(i) == null) {
                    set(tracks, via, used, i, free.get(next++), Via.ORDER);
                }
            }
        }
        return new Alignment(release, tracks, via);
    }

    private static void set(List<Track> tracks, List<Via> via, Set<String> used, int i, Track t, Via how) {
        if (tracks.get(i) == null) {
            tracks.set(i, t);
            via.set(i, how);
            used.add(t.trackMbid());
        }
    }

    private static Track trackOf(Release r, String recordingMbid, Set<String> used) {
        for (Track t : r.tracks()) {
            if (t.recording() != null
                    && recordingMbid.equals(t.recording().recordingMbid())
                    && !used.contains(t.trackMbid())) {
                return t;
            }
        }
        return null;
    }
}
