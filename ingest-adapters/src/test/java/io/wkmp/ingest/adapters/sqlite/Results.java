package io.wkmp.ingest.adapters.sqlite;

import io.wkmp.ingest.core.amplitude.AmplitudeSummary;
import io.wkmp.ingest.core.audio.AudioFormat;
import io.wkmp.ingest.core.catalog.ArtistCredit;
import io.wkmp.ingest.core.catalog.Medium;
import io.wkmp.ingest.core.catalog.Recording;
import io.wkmp.ingest.core.catalog.Release;
import io.wkmp.ingest.core.catalog.Track;
import io.wkmp.ingest.core.catalog.Work;
import io.wkmp.ingest.core.flavor.Flavor;
import io.wkmp.ingest.core.identification.Decision;
import io.wkmp.ingest.core.identification.EvidenceSummary;
import io.wkmp.ingest.core.identification.Identification;
import io.wkmp.ingest.core.library.FileImport;
import io.wkmp.ingest.core.library.FileStatus;
import io.wkmp.ingest.core.library.ImageImport;
import io.wkmp.ingest.core.library.ImageType;
import io.wkmp.ingest.core.library.PassageImport;
import io.wkmp.ingest.core.passage.PassageTiming;
import io.wkmp.ingest.core.tags.FileTags;
import io.wkmp.ingest.core.time.Ticks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Synthetic file results for the store tests and the benchmark (object mother). */
final class Results {
    static final long SECOND = 28_224_000L;
    /**
     * The decoded duration of every file here (10 min); the container states 9 ticks less and the tags 3 min, so a
     * store that wrote either would show.
     */
    static final long DURATION = 600 * SECOND;

    static final Instant MTIME = Instant.parse("2024-05-01T10:15:30.123Z");

    private Results() {}

    /** A complete, identified file of {@code passages} passages of 60 s each, all on one release. */
    static FileImport identified(String path, int passages) {
        String album = "rel-" + path;
        List<PassageImport> ps = new ArrayList<>();
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < passages; i++) {
            Recording rec = recording(path + "#" + i);
            tracks.add(new Track("trk-" + path + i, i + 1, Integer.toString(i + 1), rec.title(), 60_000, rec));
        }
        Release release = new Release(
                album,
                "Album of " + path,
                "2021-03-04",
                "rg-" + path,
                List.of(new ArtistCredit("artist-a", "Artist A", "")),
                List.of(new Medium(1, "CD", tracks)));
        for (int i = 0; i < passages; i++) {
            Recording rec = tracks.get(i).recording();
            long start = i * 62 * SECOND;
            PassageTiming t = new PassageTiming(
                    start,
                    start + 60 * SECOND,
                    start + SECOND,
                    start + 58 * SECOND,
                    start,
                    start + 2 * SECOND,
                    start + 55 * SECOND);
            Identification id = new Identification(
                    Decision.ACCEPT,
                    rec.recordingMbid(),
                    0.91,
                    new EvidenceSummary(
                            0.8,
                            0.9,
                            0.95,
                            0.93,
                            0.7,
                            Double.NaN,
                            List.of(
                                    new EvidenceSummary.Component("fingerprint", 0.6, 0.95, "AcoustID score"),
                                    EvidenceSummary.Component.rule(
                                            "strong_fingerprint", 0.95, "accepted on the fingerprint")),
                            List.of("fingerprint matched", "track list fits")));
            ps.add(new PassageImport(
                    t,
                    rec.title(),
                    "Artist A feat. Artist B",
                    release.title(),
                    "AQAAfp" + i,
                    id,
                    rec,
                    release,
                    new Flavor("AcousticBrainz", Map.of("mood_happy.happy", 0.75, "danceability.danceable", 0.5)),
                    new AmplitudeSummary(-3.5, -18.25, Map.of("lead_in_threshold_db", "-12"))));
        }
        return file(
                path,
                FileStatus.INGEST_COMPLETE,
                ps,
                List.of(new ImageImport(folderOf(path) + "cover.jpg", ImageType.ALBUM_FRONT, 500, 500, album)));
    }

    /** A complete file whose passages are not identified yet (offline import). */
    static FileImport pending(String path, int passages) {
        List<PassageImport> ps = new ArrayList<>();
        for (int i = 0; i < passages; i++) {
            long start = i * 100 * SECOND;
            ps.add(new PassageImport(
                    PassageTiming.bounds(start, start + 90 * SECOND),
                    "Title " + i,
                    "Someone",
                    "Something",
                    "AQAApending" + i,
                    Identification.pending("AcoustID unreachable"),
                    null,
                    null,
                    null,
                    null));
        }
        return file(path, FileStatus.INGEST_COMPLETE, ps, List.of());
    }

    static Recording recording(String key) {
        return new Recording(
                "rec-" + key,
                "Song " + key,
                60_000,
                List.of(
                        new ArtistCredit("artist-a", "Artist A", " feat. "),
                        new ArtistCredit("artist-b", "Artist B", "")),
                List.of(new Work("work-" + key, "Work " + key)));
    }

    static FileImport file(String path, FileStatus status, List<PassageImport> passages, List<ImageImport> images) {
        FileTags tags = new FileTags(
                "Title",
                "Artist A",
                "Album",
                null,
                3,
                12,
                1,
                1,
                2021,
                "Pop",
                Ticks.PER_SECOND * 180,
                44_100,
                2,
                16,
                null,
                "rel-" + path,
                null,
                null,
                null);
        return new FileImport(
                path,
                "sha-" + path,
                1_234_567,
                MTIME,
                new AudioFormat(44_100, 2, 16, "flac", DURATION - 9),
                DURATION,
                "FLAC",
                status,
                tags,
                passages,
                images,
                null);
    }

    private static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }
}
