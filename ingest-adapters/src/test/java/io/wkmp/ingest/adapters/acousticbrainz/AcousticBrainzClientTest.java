package io.wkmp.ingest.adapters.acousticbrainz;

import static io.wkmp.ingest.adapters.http.TestServices.params;
import static io.wkmp.ingest.adapters.http.TestServices.sample;
import static org.assertj.core.api.Assertions.assertThat;

import io.wkmp.ingest.adapters.flavor.ChainedFlavorSource;
import io.wkmp.ingest.adapters.http.HttpSetup;
import io.wkmp.ingest.adapters.http.ServiceEndpoints;
import io.wkmp.ingest.core.flavor.Flavor;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.port.FlavorSource;
import io.wkmp.ingest.core.port.ResponseCache;
import io.wkmp.ingest.testkit.fakes.FakeAcousticBrainzServer;
import io.wkmp.ingest.testkit.fakes.FakeCatalog;
import io.wkmp.ingest.testkit.fakes.InMemoryResponseCache;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

class AcousticBrainzClientTest {
    private static final String ART = "a3000000-0000-4000-8000-000000000001";
    private static final String WITH = "c3000000-0000-4000-8000-000000000001";
    private static final String WITHOUT = "c3000000-0000-4000-8000-000000000002";
    private static final Path FILE = Path.of("unused.flac");
    /** The fake tolerates one interval of delivery noise: 334 ms, far above scheduling noise. */
    private static final long INTERVAL_MS = 334;

    private static FakeCatalog catalog() {
        return FakeCatalog.builder()
                .artist(ART, "A")
                .recording(
                        WITH,
                        "Has data",
                        100_000,
                        ART,
                        null,
                        new int[0],
                        Map.of(
                                "mood_happy",
                                Map.of("happy", 0.8, "not_happy", 0.2),
                                "danceability",
                                Map.of("danceable", 0.6, "not_danceable", 0.4)))
                .recording(WITHOUT, "No data", 100_000, ART, null, new int[0], Map.of())
                .build();
    }

    private static AcousticBrainzClient client(String url, ResponseCache cache) {
        ImportParameters p =
                params("acousticbrainz_base_url", url, "acousticbrainz_rate_limit_ms", String.valueOf(INTERVAL_MS));
        return new AcousticBrainzClient(ServiceEndpoints.acousticBrainz(p, HttpSetup.sharedClient(p)), cache);
    }

    @Test
    void bulkPrefetchThenEverythingFromTheCacheIncludingMisses() {
        InMemoryResponseCache cache = new InMemoryResponseCache();
        try (FakeAcousticBrainzServer fake = new FakeAcousticBrainzServer(catalog(), INTERVAL_MS)) {
            AcousticBrainzClient c = client(fake.apiUrl(), cache);
            c.prefetch(List.of(WITH, WITHOUT));

            Flavor f = c.flavorOf(WITH, FILE, 0, 1).orElseThrow();
            assertThat(f.source()).isEqualTo("AcousticBrainz");
            assertThat(f.values())
                    .containsEntry("mood_happy.happy", 0.8)
                    .containsEntry("danceability.not_danceable", 0.4);
            assertThat(c.flavorOf(WITHOUT, FILE, 0, 1)).isEmpty();
            assertThat(c.flavorOf(null, FILE, 0, 1)).isEmpty();
            assertThat(fake.requestCounts()).isEqualTo(Map.of("bulk-high-level", 1));
            assertThat(fake.rateLimitViolations()).isZero();
        }
    }

    @Test
    void filesOfOneAlbumPrefetchingAtOnceShareOneRequest() throws Exception {
        InMemoryResponseCache cache = new InMemoryResponseCache();
        try (FakeAcousticBrainzServer fake = new FakeAcousticBrainzServer(catalog(), 0)) {
            fake.faults().latency(500); // the first request is still on its way when the others ask
            AcousticBrainzClient c = client(fake.apiUrl(), cache);
            List<Thread> files = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                files.add(new Thread(() -> c.prefetch(List.of(WITH, WITHOUT))));
            }
            files.forEach(Thread::start);
            for (Thread t : files) {
                t.join(60_000);
            }
            assertThat(fake.requestCounts()).isEqualTo(Map.of("bulk-high-level", 1));
            assertThat(c.flavorOf(WITH, null, 0, 0)).isPresent();
        }
    }

    @Test
    void aDeadOrBrokenServiceIsSkippedQuickly() {
        InMemoryResponseCache cache = new InMemoryResponseCache();
        AcousticBrainzClient dead = client("http://127.0.0.1:9/api/v1", cache);
        long t0 = System.nanoTime();
        assertThat(dead.flavorOf(WITH, FILE, 0, 1)).isEmpty();
        for (int i = 0; i < 20; i++) {
            assertThat(dead.flavorOf(WITH, FILE, 0, 1)).isEmpty();
        }
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2000);
        assertThat(cache.writes()).isZero();

        try (FakeAcousticBrainzServer fake = new FakeAcousticBrainzServer(catalog(), 0)) {
            fake.faults().malformedJson(1);
            AcousticBrainzClient broken = client(fake.apiUrl(), cache);
            assertThat(broken.flavorOf(WITH, FILE, 0, 1)).isEmpty();
            assertThat(broken.flavorOf(WITH, FILE, 0, 1)).isEmpty();
            assertThat(fake.totalRequests()).isEqualTo(1);
        }
    }

    @Test
    void readsTheRecordedBulkShapeAndComesFirstInTheChain() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder()
                    .code(200)
                    .body(sample("acousticbrainz-high-level-bulk.json"))
                    .build());
            server.start();
            AcousticBrainzClient c = client(server.url("/api/v1").toString(), new InMemoryResponseCache());
            FlavorSource never = (m, f, s, e) -> Optional.of(new Flavor("local", Map.of("bpm", 1.0)));
            Flavor f = new ChainedFlavorSource(List.of(c, never))
                    .flavorOf("cd2e7c47-16f5-46c6-a37c-a1eb7bf599ff", FILE, 0, 1)
                    .orElseThrow();
            assertThat(f.source()).isEqualTo("AcousticBrainz");
            assertThat(f.values()).containsEntry("genre_rosamerica.roc", 0.7).hasSize(12);
            assertThat(server.takeRequest().getTarget())
                    .isEqualTo("/api/v1/high-level?recording_ids=cd2e7c47-16f5-46c6-a37c-a1eb7bf599ff");
        }
    }
}
