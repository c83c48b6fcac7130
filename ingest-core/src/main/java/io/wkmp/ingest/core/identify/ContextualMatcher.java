package io.wkmp.ingest.core.identify;

import io.wkmp.ingest.core.catalog.ArtistCredit;
import io.wkmp.ingest.core.catalog.Release;
import io.wkmp.ingest.core.catalog.Track;
import io.wkmp.ingest.core.match.ContextualScoring;
import io.wkmp.ingest.core.match.TextSimilarity;
import io.wkmp.ingest.core.params.Decisions;
import io.wkmp.ingest.core.port.MusicBrainzService;
import io.wkmp.ingest.core.port.MusicBrainzService.SearchHit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Spec "Contextual Matcher": finds MusicBrainz candidates from tags, path hints and the segment pattern.
 * Single recordings: artist + title search, both names at least {@value #MIN_NAME_SIMILARITY} similar,
 * score 0.4 artist + 0.4 title + 0.2 duration (+-10 %). Releases: artist + album + track count search, then
 * the track lists of the best few, scored by {@link ContextualScoring#releaseAlignment}. Thread-safe.
 */
public final class ContextualMatcher {
    static final double MIN_NAME_SIMILARITY = 0.85;
    private static final int MAX_RECORDINGS = 10;
    private static final int MIN_SEARCH_SCORE = 50;

    /** A ranked recording. */
    public record RecordingCandidate(String recordingMbid, String title, String artist, long lengthMs, double score) {}

    /** A ranked release with its whole track list. */
    public record ReleaseCandidate(Release release, double score) {}

    private final MusicBrainzService musicBrainz;
    private final Decisions decisions;

    public ContextualMatcher(MusicBrainzService musicBrainz, Decisions decisions) {
        this.musicBrainz = musicBrainz;
        this.decisions = decisions;
    }

    /** Recordings for a single-segment file, best first, at most ten; empty without artist and title. */
    public List<RecordingCandidate> rankRecordings(String artist, String title, double durationSeconds) {
        List<RecordingCandidate> out = new ArrayList<>();
        if (blank(artist) || blank(title)) {
            return out;
        }
        for (SearchHit h : musicBrainz.searchRecordings(
                artist, title, durationSeconds > 0 ? Math.round(durationSeconds * 1000) : -1)) {
            double a = TextSimilarity.similarity(artist, h.artist());
            double t = TextSimilarity.similarity(title, h.title());
            if (a < MIN_NAME_SIMILARITY || t < MIN_NAME_SIMILARITY) {
                continue;
            }
            double d = ContextualScoring.durationMatch(
                    durationSeconds, h.lengthMs() / 1000.0, ContextualScoring.RECORDING_DURATION_TOLERANCE);
            out.add(new RecordingCandidate(h.mbid(), h.title(), h.artist(), h.lengthMs(), 0.4 * a + 0.4 * t + 0.2 * d));
        }
        out.sort(Comparator.comparingDouble(RecordingCandidate::score).reversed());
        return out.size() > MAX_RECORDINGS ? List.copyOf(out.subList(0, MAX_RECORDINGS)) : out;
    }

    /**
     * Releases for a group of passages (durations in play order), best first: one search, then a lookup of
     * each of the best {@code maxLookups} hits whose track count is within one of {@code expectedTracks}
     * (the album's track count: the group's size, or a lone file's track total; -1 when unknown, no filter).
     */
    public List<ReleaseCandidate> rankReleases(
            String artist, String album, List<Double> durations, int expectedTracks, int maxLookups) {
        List<ReleaseCandidate> out = new ArrayList<>();
        if (blank(album) || maxLookups <= 0) {
            return out;
        }
        int looked = 0;
        for (SearchHit h : musicBrainz.searchReleases(artist, album, expectedTracks)) {
            if (looked >= maxLookups) {
                break;
            }
            if (h.score() < MIN_SEARCH_SCORE
                    || (expectedTracks > 0 && h.trackCount() > 0 && Math.abs(h.trackCount() - expectedTracks) > 1)) {
                continue;
            }
            looked++;
            Optional<Release> r = musicBrainz.lookupRelease(h.mbid());
            int count = expectedTracks > 0 ? expectedTracks : durations.size();
            r.ifPresent(rel -> out.add(new ReleaseCandidate(rel, releaseScore(rel, count, durations, artist, album))));
        }
        out.sort(Comparator.comparingDouble(ReleaseCandidate::score).reversed());
        return out;
    }

    /**
     * The release alignment score: track count (passages vs tracks), duration alignment of
     * {@code durationsInTrackOrder} (0 for a track no passage matched, extra passages appended) against the
     * track lengths, and artist/album name similarity.
     */
    public double releaseScore(
            Release r, int passageCount, List<Double> durationsInTrackOrder, String artist, String album) {
        List<Double> expected = new ArrayList<>();
        for (Track t : r.tracks()) {
            expected.add(t.lengthMs() > 0 ? t.lengthMs() / 1000.0 : 0);
        }
        double count = ContextualScoring.trackCountMatch(passageCount, expected.size());
        double durations = ContextualScoring.durationAlignment(durationsInTrackOrder, expected);
        double names = ContextualScoring.metadataMatch(artist, creditText(r.artists()), album, r.title());
        return ContextualScoring.releaseAlignment(count, durations, names, decisions.release());
    }

    /** "A & B": credited names joined by their join phrases. */
    static String creditText(List<ArtistCredit> credits) {
        StringBuilder sb = new StringBuilder();
        for (ArtistCredit c : credits) {
            sb.append(c.name()).append(c.joinPhrase() == null ? "" : c.joinPhrase());
        }
        return sb.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
