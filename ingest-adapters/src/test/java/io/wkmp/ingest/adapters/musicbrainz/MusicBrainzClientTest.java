package io.wkmp.ingest.adapters.musicbrainz;

import static io.wkmp.ingest.adapters.http.TestServices.params;
import static io.wkmp.ingest.adapters.http.TestServices.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wkmp.ingest.adapters.http.HttpSetup;
import io.wkmp.ingest.adapters.http.ServiceEndpoint;
import io.wkmp.ingest.adapters.http.ServiceEndpoints;
import io.wkmp.ingest.core.catalog.Recording;
import io.wkmp.ingest.core.catalog.Release;
import io.wkmp.ingest.core.error.LookupUnavailableException;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.port.MusicBrainzService.SearchHit;
import io.wkmp.ingest.testkit.fakes.FakeCatalog;
import io.wkmp.ingest.testkit.fakes.FakeMusicBrainzServer;
import io.wkmp.ingest.testkit.fakes.InMemoryResponseCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MusicBrainzClientTest {
    static final String ARTIST = "a2000000-0000-4000-8000-000000000001";
    static final String WORK = "d2000000-0000-4000-8000-000000000001";
    static final String REL = "b2000000-0000-4000-8000-000000000001";
    static final String REL2 = "b2000000-0000-4000-8000-000000000002";

    private FakeMusicBrainzServer fake;
    private InMemoryResponseCache cache;
    /** A third of MusicBrainz's real interval keeps the tests short; the fake tolerates one interval of delivery noise. */
    private static final long INTERVAL_MS = 334;

    private ImportParameters params;
    private ServiceEndpoint endpoint;

    static String rec(int i) {
        return String.format("c2000000-0000-4000-8000-%012d", i);
    }

    @BeforeEach
    void start() {
        FakeCatalog.Builder b =
                FakeCatalog.builder().artist(ARTIST, "The Oscillators").work(WORK, "Sine Suite");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            b.recording(rec(i), "Wave " + i, 180_000 + i * 1000, ARTIST, i == 0 ? WORK : null, new int[0], Map.of());
            ids.add(rec(i));
        }
        b.release(REL, "Waveforms", "2019-05-01", ARTIST, ids.subList(0, 2), ids.subList(2, 4));
        b.release(REL2, "Waveforms (Deluxe)", "2020-01-01", ARTIST, ids);
        fake = new FakeMusicBrainzServer(b.build(), INTERVAL_MS);
        cache = new InMemoryResponseCache();
        params = params(
                "musicbrainz_base_url",
                fake.apiUrl(),
                "musicbrainz_rate_limit_ms",
                String.valueOf(INTERVAL_MS),
                "musicbrainz_contact",
                "mailto:test@example.org");
        endpoint = ServiceEndpoints.musicBrainz(params, HttpSetup.sharedClient(params));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private MusicBrainzClient client(int pageSize) {
        return new MusicBrainzClient(endpoint, cache, pageSize, 25);
    }

    @Test
    void releaseLookupBringsTracksRecordingsArtistsAndWorksInOneRequest() {
        Release r = client(25).lookupRelease(REL).orElseThrow();

        assertThat(r.title()).isEqualTo("Waveforms");
        assertThat(r.releaseGroupMbid()).isNotBlank();
        assertThat(r.artists())
                .singleElement()
                .satisfies(a -> assertThat(a.artistMbid()).isEqualTo(ARTIST));
        assertThat(r.media()).hasSize(2);
        assertThat(r.tracks())
                .extracting(t -> t.recording().recordingMbid())
                .containsExactly(rec(0), rec(1), rec(2), rec(3));
        assertThat(r.tracks().get(1).lengthMs()).isEqualTo(181_000);
        assertThat(r.tracks().get(0).recording().works())
                .singleElement()
                .satisfies(w -> assertThat(w.title()).isEqualTo("Sine Suite"));
        assertThat(r.tracks().get(0).recording().artists().get(0).name()).isEqualTo("The Oscillators");
        assertThat(fake.requests("release")).isEqualTo(1);
        assertThat(fake.lastUserAgent()).startsWith("wkmp-ai/").contains("mailto:test@example.org");

        assertThat(client(25).lookupRelease(REL)).contains(r);
        assertThat(fake.totalRequests()).isEqualTo(1);
    }

    @Test
    void recordingAndWorkLookupsAndUnknownIds() {
        Recording rec = client(25).lookupRecording(rec(0)).orElseThrow();
        assertThat(rec.lengthMs()).isEqualTo(180_000);
        assertThat(rec.works()).extracting(w -> w.workMbid()).containsExactly(WORK);
        assertThat(client(25).lookupWork(WORK).orElseThrow().title()).isEqualTo("Sine Suite");
        assertThat(client(25).lookupRelease("b2000000-0000-4000-8000-0000000000ff"))
                .isEmpty();
        assertThatThrownBy(() -> client(25).lookupRelease("../../admin")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void searchesPageThroughResults() {
        List<SearchHit> hits = client(1).searchReleases("The Oscillators", "Waveforms", -1);
        assertThat(hits).extracting(SearchHit::mbid).containsExactly(REL, REL2);
        assertThat(hits.get(0).score()).isEqualTo(100);
        assertThat(hits.get(0).trackCount()).isEqualTo(4);
        assertThat(fake.requests("release-search")).isEqualTo(2);

        List<SearchHit> recs = client(25).searchRecordings("The Oscillators", "Wave 2", 182_000);
        assertThat(recs.get(0).mbid()).isEqualTo(rec(2));
        assertThat(recs.get(0).lengthMs()).isEqualTo(182_000);
        assertThat(fake.rateLimitViolations()).isZero();
    }

    @Test
    void answers503WithBackOffAndRetry() {
        fake.faults().serverErrors(2, 503);
        long t0 = System.nanoTime();
        assertThat(client(25).lookupRelease(REL)).isPresent();
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(1000 + 2000 - 100);
        assertThat(fake.requests("release")).isEqualTo(3);
        assertThat(fake.rateLimitViolations()).isZero();
    }

    @Test
    void aServiceSlowerThanTheTimeoutIsLookupUnavailableSoon() {
        ImportParameters slow = params(
                "musicbrainz_base_url",
                fake.apiUrl(),
                "musicbrainz_rate_limit_ms",
                String.valueOf(INTERVAL_MS),
                "http_timeout_ms",
                "300");
        fake.faults().latency(10_000); // an answer that comes far later than the timeout, its retry and back-off
        MusicBrainzClient c =
                new MusicBrainzClient(ServiceEndpoints.musicBrainz(slow, HttpSetup.sharedClient(slow)), cache);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> c.lookupRelease(REL))
                .isInstanceOf(LookupUnavailableException.class)
                .hasMessageContaining("timeout");
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(8_000);
        assertThat(cache.writes()).isZero();
    }

    @Test
    void malformedJsonIsAClearErrorNotACrash() {
        fake.faults().malformedJson(1);
        assertThatThrownBy(() -> client(25).lookupRelease(REL))
                .isInstanceOf(LookupUnavailableException.class)
                .hasMessageContaining("malformed JSON");
        assertThat(cache.writes()).isZero();
    }

    @Test
    void manyWorkersShareOneLimiterAndNeverExceedTheRate() throws Exception {
        ServiceEndpoint shared = ServiceEndpoints.musicBrainz(params, HttpSetup.sharedClient(params));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                fs.add(pool.submit(
                        () -> new MusicBrainzClient(shared, new InMemoryResponseCache()).lookupRecording(rec(n % 4))));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(fake.requests("recording")).isEqualTo(8);
        assertThat(fake.rateLimitViolations()).isZero();
    }

    @Test
    void workersAskingForTheSameReleaseAtOnceShareOneRequest() throws Exception {
        fake.faults().latency(400);
        MusicBrainzClient shared = client(25);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Release>> fs = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                fs.add(pool.submit(() -> {
                    go.await();
                    return shared.lookupRelease(REL).orElseThrow();
                }));
            }
            go.countDown();
            for (Future<Release> f : fs) {
                assertThat(f.get().tracks()).hasSize(4);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(fake.requests("release"))
                .as("one request in flight, the others wait for its answer")
                .isEqualTo(1);
        assertThat(cache.writes()).isEqualTo(1);
        assertThat(fake.rateLimitViolations()).isZero();
    }

    @Test
    void readsRecordedRealReleaseAndSearchShapes() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder()
                    .code(200)
                    .body(sample("musicbrainz-release.json"))
                    .build());
            server.enqueue(new MockResponse.Builder()
                    .code(200)
                    .body(sample("musicbrainz-release-search.json"))
                    .build());
            server.start();
            ImportParameters p =
                    params("musicbrainz_base_url", server.url("/ws/2").toString(), "musicbrainz_rate_limit_ms", "0");
            MusicBrainzClient c =
                    new MusicBrainzClient(ServiceEndpoints.musicBrainz(p, HttpSetup.sharedClient(p)), cache);

            Release r = c.lookupRelease("b84ee12a-09ef-421b-82de-0441a926375b").orElseThrow();
            assertThat(r.releaseGroupMbid()).isEqualTo("9162580e-5df4-32de-80cc-f45a8d8a9b1d");
            assertThat(r.tracks()).extracting(t -> t.number()).containsExactly("A1", "A2", "B1");
            assertThat(r.tracks().get(0).recording().works())
                    .extracting(w -> w.title())
                    .containsExactly("Come Together");
            assertThat(r.tracks().get(2).recording().artists())
                    .extracting(a -> a.name())
                    .containsExactly("The Beatles", "George Harrison");
            assertThat(r.tracks().get(2).recording().lengthMs()).isEqualTo(-1);
            assertThat(r.tracks().get(2).lengthMs()).isEqualTo(185_733);
            assertThat(server.takeRequest().getTarget())
                    .isEqualTo("/ws/2/release/b84ee12a-09ef-421b-82de-0441a926375b?fmt=json&inc="
                            + MusicBrainzClient.RELEASE_INC);

            List<SearchHit> hits = c.searchReleases("The Beatles", "Abbey \"Road\"", 17);
            assertThat(hits).extracting(SearchHit::score).containsExactly(100, 97);
            assertThat(hits.get(1).trackCount()).isEqualTo(17);
            assertThat(server.takeRequest().getUrl().queryParameter("query"))
                    .isEqualTo("release:\"Abbey \\\"Road\\\"\" AND artist:\"The Beatles\" AND tracks:17");
        }
    }
}
