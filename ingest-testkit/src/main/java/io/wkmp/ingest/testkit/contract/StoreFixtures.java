package io.wkmp.ingest.testkit.contract;

import io.wkmp.ingest.core.audio.AudioFormat;
import io.wkmp.ingest.core.catalog.ArtistCredit;
import io.wkmp.ingest.core.catalog.Medium;
import io.wkmp.ingest.core.catalog.Recording;
import io.wkmp.ingest.core.catalog.Release;
import io.wkmp.ingest.core.catalog.Track;
import io.wkmp.ingest.core.catalog.Work;
import io.wkmp.ingest.core.identification.Decision;
import io.wkmp.ingest.core.identification.EvidenceSummary;
import io.wkmp.ingest.core.identification.Identification;
import io.wkmp.ingest.core.library.FileImport;
import io.wkmp.ingest.core.library.FileStatus;
import io.wkmp.ingest.core.library.PassageImport;
import io.wkmp.ingest.core.passage.PassageTiming;
import io.wkmp.ingest.core.tags.FileTags;
import io.wkmp.ingest.core.time.Ticks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/** File results for {@link LibraryStoreContract}: what an import writes, small enough to read in a test. */
public final class StoreFixtures {
    /** The decoded length of every file here: 10 minutes. */
    public static final long DURATION = 600 * Ticks.PER_SECOND;

    /** A modification time with sub-millisecond digits (stores keep whole milliseconds). */
    public static final Instant MTIME = Instant.parse("2024-05-01T10:15:30.123456Z");

    /** Every decision a passage can have. */
    public static final Set<Decision> ALL_DECISIONS =
            EnumSet.of(Decision.ACCEPT, Decision.REVIEW, Decision.REJECT, Decision.PENDING);

    /** When the people of these tests decide. */
    public static final Instant DECIDED_AT = Instant.parse("2026-12-07T18:00:00Z");

    private StoreFixtures() {}

    /** The tags every file here carries (title, artist and album distinct, so a lost field shows). */
    public static FileTags tags(String path) {
        return new FileTags(
                "Tag title " + path,
                "Tag artist",
                "Tag album",
                null,
                3,
                12,
                1,
                1,
                2021,
                "Pop",
                -1,
                44_100,
                2,
                16,
                null,
                null,
                null,
                null,
                null);
    }

    /** A complete file of {@code passages} passages of 60 s (one every 100 s), each decided {@code decision}. */
    public static FileImport decided(String path, String sha, int passages, Decision decision) {
        return file(path, sha, passages, i -> identification(decision, recordingMbid(path, i)), i -> {
            Recording rec = recording(path, i);
            return decision == Decision.REJECT ? null : rec;
        });
    }

    /** A complete file whose passages are PENDING (imported while the services were unreachable). */
    public static FileImport pending(String path, String sha, int passages) {
        return file(path, sha, passages, i -> Identification.pending("AcoustID unreachable"), i -> null);
    }

    /** A file with the content of {@code originalPath}, written as its duplicate (no passages). */
    public static FileImport duplicate(String path, String sha, String originalPath) {
        return new FileImport(
                path,
                sha,
                1_000,
                MTIME,
                null,
                -1,
                "FLAC",
                FileStatus.DUPLICATE_HASH,
                FileTags.EMPTY,
                List.of(),
                List.of(),
                originalPath);
    }

    /** Passage {@code index} of a fixture file: 60 s starting at {@code index x 100 s}. */
    public static PassageTiming timing(int index) {
        long start = index * 100 * Ticks.PER_SECOND;
        return PassageTiming.bounds(start, start + 60 * Ticks.PER_SECOND);
    }

    /** The recording passage {@code index} of {@code path} is identified as. */
    public static String recordingMbid(String path, int index) {
        return "rec-" + path + "#" + index;
    }

    /** An identification with a confidence, a two-component breakdown and one reason. */
    public static Identification identification(Decision decision, String mbid) {
        EvidenceSummary evidence = new EvidenceSummary(
                Double.NaN,
                Double.NaN,
                0.9,
                0.9,
                0.5,
                1.0,
                List.of(
                        new EvidenceSummary.Component("fingerprint", 0.6, 0.9, "AcoustID score of the recording"),
                        EvidenceSummary.Component.rule("strong_fingerprint", 0.9, "decided on the fingerprint")),
                List.of("decided " + decision));
        return new Identification(decision, decision == Decision.REJECT ? null : mbid, 0.75, evidence);
    }

    /** The recording behind {@link #recordingMbid}. */
    public static Recording recording(String path, int index) {
        return new Recording(
                recordingMbid(path, index),
                "Song " + index,
                60_000,
                List.of(new ArtistCredit("artist-a", "Artist A", "")),
                List.of(new Work("work-" + path + index, "Work " + index)));
    }

    /** A one-track release of {@code rec}. */
    public static Release release(Recording rec) {
        return new Release(
                "rel-" + rec.recordingMbid(),
                "Album",
                "2021-03-04",
                "rg-" + rec.recordingMbid(),
                List.of(new ArtistCredit("artist-a", "Artist A", "")),
                List.of(new Medium(
                        1, "CD", List.of(new Track("trk-" + rec.recordingMbid(), 1, "1", rec.title(), 60_000, rec)))));
    }

    private static FileImport file(
            String path,
            String sha,
            int passages,
            IntFunction<Identification> identification,
            IntFunction<Recording> recording) {
        List<PassageImport> ps = new ArrayList<>();
        for (int i = 0; i < passages; i++) {
            Recording rec = recording.apply(i);
            ps.add(new PassageImport(
                    timing(i),
                    "Title " + i,
                    "Artist " + i,
                    "Album of " + path,
                    "AQAAfp" + path + i,
                    identification.apply(i),
                    rec,
                    rec == null ? null : release(rec),
                    null,
                    null));
        }
        return new FileImport(
                path,
                sha,
                1_000 + path.length(),
                MTIME,
                new AudioFormat(44_100, 2, 16, "flac", DURATION),
                DURATION,
                "FLAC",
                FileStatus.INGEST_COMPLETE,
                tags(path),
                ps,
                List.of(),
                null);
    }
}
