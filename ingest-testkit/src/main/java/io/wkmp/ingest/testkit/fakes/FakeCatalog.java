package io.wkmp.ingest.testkit.fakes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The small world the fake services know: artists, works, recordings (with fingerprints and optional
 * AcousticBrainz high-level data) and releases with media and track lists. Built once with
 * {@link #builder()}, then immutable and shared by the three fakes.
 */
public final class FakeCatalog {
    /** Least bit similarity for a fingerprint to match (unrelated audio scores about 0.5). */
    public static final double MATCH_SIMILARITY = 0.75;
    /** AcoustID's default {@code maxdurationdiff}. */
    public static final int MAX_DURATION_DIFF_S = 7;

    /**
     * Widest alignment tried, in fingerprint items (about 0.124 s each): AcoustID's own {@code MAX_ALIGN_OFFSET}
     * (peers.md §1.4), so a query that starts a few seconds into the recording (leading silence trimmed, a passage
     * cut from a longer file) matches as it does on the real service.
     */
    static final int MAX_OFFSET_ITEMS = 120;

    /** An artist. */
    public record Artist(String id, String name) {}

    /** A work a recording performs. */
    public record Work(String id, String title) {}

    /**
     * A recording.
     *
     * @param fingerprint raw Chromaprint items, empty when AcoustID does not know it
     * @param highLevel AcousticBrainz classifiers (model -&gt; class -&gt; probability), empty when it has none
     */
    public record Recording(
            String id,
            String title,
            long lengthMs,
            List<Artist> artists,
            List<Work> works,
            int[] fingerprint,
            Map<String, Map<String, Double>> highLevel) {}

    /** One medium and its recordings in track order. */
    public record Medium(int position, String format, List<Recording> recordings) {}

    /** A release. */
    public record Release(
            String id, String title, String date, String releaseGroupId, Artist artist, List<Medium> media) {
        /** Track MBID of the track at {@code position} on medium {@code medium}: stable, derived from the ids. */
        public String trackId(int medium, int position) {
            return UUID.nameUUIDFromBytes((id + "/" + medium + "/" + position).getBytes())
                    .toString();
        }

        public int trackCount() {
            return media.stream().mapToInt(m -> m.recordings().size()).sum();
        }
    }

    /** A fingerprint match: the recording and its similarity (0..1). */
    public record Match(Recording recording, double similarity) {}

    private final Map<String, Artist> artists;
    private final Map<String, Work> works;
    private final Map<String, Recording> recordings;
    private final Map<String, Release> releases;

    private FakeCatalog(Builder b) {
        this.artists = Map.copyOf(b.artists);
        this.works = Map.copyOf(b.works);
        this.recordings = Map.copyOf(b.recordings);
        this.releases = new LinkedHashMap<>(b.releases);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Recording> recording(String id) {
        return Optional.ofNullable(recordings.get(id));
    }

    public Optional<Release> release(String id) {
        return Optional.ofNullable(releases.get(id));
    }

    public Optional<Work> work(String id) {
        return Optional.ofNullable(works.get(id));
    }

    public List<Release> releases() {
        return List.copyOf(releases.values());
    }

    public List<Recording> recordings() {
        return List.copyOf(recordings.values());
    }

    /** Releases that contain the recording, in catalogue order. */
    public List<Release> releasesOf(String recordingId) {
        List<Release> out = new ArrayList<>();
        for (Release r : releases.values()) {
            if (r.media().stream().anyMatch(m -> m.recordings().stream().anyMatch(x -> x.id().equals(recordingId)))) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Recordings whose fingerprint is at least {@link #MATCH_SIMILARITY} similar (best alignment within
     * {@value #MAX_OFFSET_ITEMS} items either way) and whose length is within {@link #MAX_DURATION_DIFF_S} of {@code durationSeconds}; best first.
     */
    public List<Match> matchFingerprint(int[] query, int durationSeconds) {
        List<Match> out = new ArrayList<>();
        for (Recording r : recordings.values()) {
            if (r.fingerprint().length == 0
                    || Math.abs(r.lengthMs() / 1000.0 - durationSeconds) > MAX_DURATION_DIFF_S) {
                continue;
            }
            double best = 0;
            for (int off = -MAX_OFFSET_ITEMS; off <= MAX_OFFSET_ITEMS; off++) {
                best = Math.max(best, similarityAt(query, r.fingerprint(), off));
            }
            if (best >= MATCH_SIMILARITY) {
                out.add(new Match(r, best));
            }
        }
        out.sort(Comparator.comparingDouble(Match::similarity).reversed());
        return out;
    }

    private static double similarityAt(int[] a, int[] b, int offset) {
        int start = Math.max(0, -offset);
        int n = Math.min(a.length - start, b.length - start - offset);
        if (n < 20) {
            return 0;
        }
        long errors = 0;
        for (int i = start; i < start + n; i++) {
            errors += Integer.bitCount(a[i] ^ b[i + offset]);
        }
        return 1 - errors / (32.0 * n);
    }

    /** Builds a catalogue; ids are the caller's (use real-looking UUIDs). */
    public static final class Builder {
        private final Map<String, Artist> artists = new LinkedHashMap<>();
        private final Map<String, Work> works = new LinkedHashMap<>();
        private final Map<String, Recording> recordings = new LinkedHashMap<>();
        private final Map<String, Release> releases = new LinkedHashMap<>();

        public Builder artist(String id, String name) {
            artists.put(id, new Artist(id, name));
            return this;
        }

        public Builder work(String id, String title) {
            works.put(id, new Work(id, title));
            return this;
        }

        /** A recording with a compressed (fpcalc/AcoustID form) fingerprint, or null when AcoustID does not know it. */
        public Builder recording(
                String id, String title, long lengthMs, String artistId, String workId, String fingerprint) {
            return recording(
                    id,
                    title,
                    lengthMs,
                    artistId,
                    workId,
                    fingerprint == null ? new int[0] : ChromaprintCodec.decode(fingerprint),
                    Map.of());
        }

        /** A recording with raw fingerprint items and AcousticBrainz high-level data (either may be empty). */
        public Builder recording(
                String id,
                String title,
                long lengthMs,
                String artistId,
                String workId,
                int[] fingerprint,
                Map<String, Map<String, Double>> highLevel) {
            List<Work> w = workId == null ? List.of() : List.of(require(works, workId, "work"));
            recordings.put(
                    id,
                    new Recording(
                            id,
                            title,
                            lengthMs,
                            List.of(require(artists, artistId, "artist")),
                            w,
                            fingerprint.clone(),
                            Map.copyOf(highLevel)));
            return this;
        }

        /** A release; each list is one medium's recording ids in track order (format "CD"). */
        @SafeVarargs
        public final Builder release(String id, String title, String date, String artistId, List<String>... media) {
            List<List<String>> list = new ArrayList<>();
            for (List<String> medium : media) {
                list.add(medium);
            }
            return release(id, title, date, artistId, list);
        }

        /** A release whose media list their recording ids in track order. */
        public Builder release(String id, String title, String date, String artistId, List<List<String>> media) {
            List<Medium> ms = new ArrayList<>();
            for (int i = 0; i < media.size(); i++) {
                List<Recording> recs = new ArrayList<>();
                for (String r : media.get(i)) {
                    recs.add(require(recordings, r, "recording"));
                }
                ms.add(new Medium(i + 1, "CD", recs));
            }
            String rg = UUID.nameUUIDFromBytes(("rg/" + id).getBytes()).toString();
            releases.put(id, new Release(id, title, date, rg, require(artists, artistId, "artist"), ms));
            return this;
        }

        public FakeCatalog build() {
            return new FakeCatalog(this);
        }

        private static <T> T require(Map<String, T> m, String id, String what) {
            T t = m.get(id);
            if (t == null) {
                throw new IllegalArgumentException("unknown " + what + " " + id + " (declare it first)");
            }
            return t;
        }
    }
}
