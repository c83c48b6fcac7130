package io.wkmp.ingest.core.identify;

import io.wkmp.ingest.core.catalog.ArtistCredit;
import io.wkmp.ingest.core.catalog.Medium;
import io.wkmp.ingest.core.catalog.Recording;
import io.wkmp.ingest.core.catalog.Release;
import io.wkmp.ingest.core.catalog.Track;
import io.wkmp.ingest.core.identification.PassageEvidence;
import io.wkmp.ingest.core.pattern.GapPattern;
import io.wkmp.ingest.core.pattern.SegmentPattern;
import io.wkmp.ingest.core.pattern.SourceMedia;
import io.wkmp.ingest.core.port.AcoustIdMatch;
import io.wkmp.ingest.core.port.AcoustIdRelease;
import io.wkmp.ingest.core.tags.FileTags;
import io.wkmp.ingest.core.time.Ticks;
import java.util.ArrayList;
import java.util.List;

/** Releases, AcoustID answers and passages for the identification tests (object mother). */
final class Albums {
    static final String ARTIST = "The Oscillators";

    private Albums() {}

    /** The recording of track {@code i} (0-based) of {@code release}. */
    static String rec(String release, int i) {
        return "rec-" + release + "-" + i;
    }

    /** The fingerprint of track {@code i} of {@code release}. */
    static String fp(String release, int i) {
        return "fp-" + release + "-" + i;
    }

    /** Track {@code i}'s title on any release here: the same titles on every album, as on a decoy. */
    static String title(int i) {
        return "Oscillation " + (i + 1);
    }

    /** Track {@code i}'s length: 180 s, 200 s, 220 s, ... (distinct, so durations align). */
    static double seconds(int i) {
        return 180 + 20 * i;
    }

    static Recording recording(String release, int i) {
        return new Recording(
                rec(release, i),
                title(i),
                Math.round(seconds(i) * 1000),
                List.of(new ArtistCredit("artist-1", ARTIST, "")),
                List.of());
    }

    /** A one-medium release of {@code tracks} tracks by {@link #ARTIST}. */
    static Release release(String id, String title, int tracks) {
        List<Track> ts = new ArrayList<>();
        for (int i = 0; i < tracks; i++) {
            Recording r = recording(id, i);
            ts.add(new Track("trk-" + id + "-" + i, i + 1, Integer.toString(i + 1), r.title(), r.lengthMs(), r));
        }
        return new Release(
                id,
                title,
                "2020-01-01",
                "rg-" + id,
                List.of(new ArtistCredit("artist-1", ARTIST, "")),
                List.of(new Medium(1, "CD", ts)));
    }

    /** AcoustID's candidate: track {@code i} of {@code release} (of {@code trackCount} tracks) at {@code score}. */
    static AcoustIdMatch match(String release, int i, int trackCount, double score) {
        return new AcoustIdMatch(
                rec(release, i),
                score,
                title(i),
                seconds(i),
                List.of(ARTIST),
                List.of(new AcoustIdRelease(release, "rg-" + release, "Album", trackCount, 1, i + 1)));
    }

    /** Tags of an album track by {@link #ARTIST}: a title, track number and (when not null) recording and release ids. */
    static FileTags tags(String title, Integer track, String recordingMbid, String releaseMbid) {
        return tags(title, ARTIST, track, recordingMbid, releaseMbid);
    }

    /** Tags of a track of the album "Waveforms" by {@code artist}. */
    static FileTags tags(String title, String artist, Integer track, String recordingMbid, String releaseMbid) {
        return new FileTags(
                title,
                artist,
                "Waveforms",
                null,
                track,
                null,
                null,
                null,
                2020,
                null,
                -1,
                null,
                null,
                null,
                recordingMbid,
                releaseMbid,
                null,
                null,
                null);
    }

    /** Passage {@code index} of {@code seconds} with {@code fingerprint} (or null) and {@code tags}. */
    static PassageEvidence passage(int index, double seconds, String fingerprint, FileTags tags) {
        return new PassageEvidence(index, Math.round(seconds * Ticks.PER_SECOND), fingerprint, tags, null);
    }

    /** Passage {@code i} as track {@code i} of {@code release}: its length, fingerprint and tags (title, number). */
    static PassageEvidence track(String release, int i) {
        return passage(i, seconds(i), fp(release, i), tags(title(i), i + 1, null, null));
    }

    /** The pattern of a file of {@code n} segments (tracks of the lengths above). */
    static SegmentPattern pattern(int n) {
        List<Double> ds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ds.add(seconds(i));
        }
        return new SegmentPattern(
                n,
                SourceMedia.CD,
                GapPattern.CONSISTENT,
                ds,
                2,
                0.1,
                ds.stream().mapToDouble(d -> d).sum(),
                0.9);
    }
}
