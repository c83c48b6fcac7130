package io.wkmp.ingest.adapters.acoustid;

import io.wkmp.ingest.adapters.http.TestServices;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.testkit.fakes.FakeAcoustIdServer;
import io.wkmp.ingest.testkit.fakes.FakeCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A fake catalogue of one album by one artist, its recordings with random fingerprints (for AcoustID tests). */
record OneAlbum(FakeCatalog catalog, List<int[]> fingerprints, String recordingPrefix) {
    /**
     * @param idPrefix the first 8 hex digits of the artist, release and recording ids (one letter each added)
     * @param seed the first track's fingerprint seed (the next ones count on from it)
     */
    static OneAlbum of(String idPrefix, int tracks, int seed) {
        String artist = "a" + idPrefix + "-0000-4000-8000-000000000001";
        String recordingPrefix = "c" + idPrefix + "-0000-4000-8000-";
        FakeCatalog.Builder b = FakeCatalog.builder().artist(artist, "Band");
        List<int[]> fingerprints = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < tracks; i++) {
            int[] fp = new Random(seed + i).ints(300).toArray();
            fingerprints.add(fp);
            ids.add(String.format("%s%012d", recordingPrefix, i));
            b.recording(ids.get(i), "Song " + i, 200_000, artist, null, fp, Map.of());
        }
        b.release("b" + idPrefix + "-0000-4000-8000-000000000001", "Album", "2020", artist, ids);
        return new OneAlbum(b.build(), List.copyOf(fingerprints), recordingPrefix);
    }

    /** Parameters that send AcoustID lookups to {@code fake} at the service's real rate. */
    static ImportParameters atRealRate(FakeAcoustIdServer fake) {
        return TestServices.params(
                "acoustid_base_url",
                fake.apiUrl(),
                "acoustid_rate_limit_ms",
                String.valueOf(FakeAcoustIdServer.MIN_INTERVAL_MS));
    }

    /** The id of recording {@code i} (track i + 1). */
    String recording(int i) {
        return String.format("%s%012d", recordingPrefix, i);
    }
}
