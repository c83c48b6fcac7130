package io.wkmp.ingest.adapters.acoustid;

import static io.wkmp.ingest.adapters.http.TestServices.params;
import static io.wkmp.ingest.adapters.http.TestServices.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wkmp.ingest.adapters.http.HttpSetup;
import io.wkmp.ingest.adapters.http.ServiceEndpoint;
import io.wkmp.ingest.adapters.http.ServiceEndpoints;
import io.wkmp.ingest.core.error.LookupUnavailableException;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.port.AcoustIdMatch;
import io.wkmp.ingest.core.port.AcoustIdService.InvalidApiKeyException;
import io.wkmp.ingest.core.port.FingerprintQuery;
import io.wkmp.ingest.core.port.ResponseCache;
import io.wkmp.ingest.testkit.fakes.ChromaprintCodec;
import io.wkmp.ingest.testkit.fakes.FakeAcoustIdServer;
import io.wkmp.ingest.testkit.fakes.InMemoryResponseCache;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AcoustIdClientTest {
    private static final String KEY = "s3cretKey42";
    private static final int TRACKS = 25;

    private List<int[]> fingerprints;
    private FakeAcoustIdServer fake;
    private InMemoryResponseCache cache;
    private ImportParameters params;

    @BeforeEach
    void start() {
        OneAlbum album = OneAlbum.of("1000000", TRACKS, 100);
        fingerprints = album.fingerprints();
        // AcoustID's real rate: the fake then tolerates a whole interval (334 ms) of delivery noise
        fake = new FakeAcoustIdServer(album.catalog(), Set.of(KEY));
        cache = new InMemoryResponseCache();
        params = OneAlbum.atRealRate(fake);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private static String rec(int i) {
        return String.format("c1000000-0000-4000-8000-%012d", i);
    }

    private AcoustIdClient client() {
        return new AcoustIdClient(ServiceEndpoints.acoustId(params, HttpSetup.sharedClient(params)), cache, KEY);
    }

    private List<FingerprintQuery> queries() {
        List<FingerprintQuery> qs = new ArrayList<>();
        for (int[] fp : fingerprints) {
            int[] noisy = fp.clone();
            noisy[5] ^= 0xff;
            qs.add(new FingerprintQuery(ChromaprintCodec.encode(noisy, 1), 201));
        }
        qs.add(new FingerprintQuery(
                ChromaprintCodec.encode(new Random(9).ints(300).toArray(), 1), 201));
        return qs;
    }

    @Test
    void batchesTwentyFingerprintsARequestAndAnswersRepeatsFromTheCache() {
        List<List<AcoustIdMatch>> answers = client().lookup(queries());

        assertThat(answers).hasSize(TRACKS + 1);
        for (int i = 0; i < TRACKS; i++) {
            assertThat(answers.get(i)).first().satisfies(m -> {
                assertThat(m.score()).isGreaterThan(0.9);
                assertThat(m.releaseMbids()).containsExactly("b1000000-0000-4000-8000-000000000001");
                assertThat(m.releases().get(0).trackCount()).isEqualTo(TRACKS);
            });
            assertThat(answers.get(i).get(0).recordingMbid()).isEqualTo(rec(i));
            assertThat(answers.get(i).get(0).releases().get(0).trackPosition()).isEqualTo(i + 1);
        }
        assertThat(answers.get(TRACKS)).isEmpty();
        assertThat(fake.requests("lookup")).isEqualTo(2);
        assertThat(fake.rateLimitViolations()).isZero();

        List<List<AcoustIdMatch>> again = client().lookup(queries());
        assertThat(again).isEqualTo(answers);
        assertThat(fake.requests("lookup")).isEqualTo(2);
        assertThat(cache.size(ResponseCache.Kind.ACOUSTID)).isEqualTo(TRACKS + 1);
    }

    @Test
    void invalidKeyIsReportedWithoutShowingTheKey() {
        AcoustIdClient wrong = client().withApiKey("wrongKey77");
        assertThatThrownBy(() -> wrong.lookup(queries().subList(0, 1)))
                .isInstanceOf(InvalidApiKeyException.class)
                .hasMessageContaining("code 4")
                .hasMessageNotContaining("wrongKey77");
        assertThat(wrong.toString()).doesNotContain("wrongKey77");
        assertThat(cache.writes()).isZero();
    }

    @Test
    void validatesKeysWithATestCall() {
        ServiceEndpoint endpoint = ServiceEndpoints.acoustId(params, HttpSetup.sharedClient(params));
        assertThat(AcoustIdClient.validate(endpoint, KEY)).isEqualTo(AcoustIdClient.KeyStatus.VALID);
        assertThat(AcoustIdClient.validate(endpoint, "nope")).isEqualTo(AcoustIdClient.KeyStatus.INVALID);
        assertThat(AcoustIdClient.validate(endpoint, " ")).isEqualTo(AcoustIdClient.KeyStatus.INVALID);
        ImportParameters dead = params("acoustid_base_url", "http://127.0.0.1:9/v2", "acoustid_rate_limit_ms", "0");
        assertThat(AcoustIdClient.validate(ServiceEndpoints.acoustId(dead, HttpSetup.sharedClient(dead)), KEY))
                .isEqualTo(AcoustIdClient.KeyStatus.UNREACHABLE);
        assertThat(fake.rateLimitViolations()).isZero();
    }

    @Test
    void retriesAServerErrorBurstWithinTheRate() {
        fake.faults().serverErrors(2, 503);
        List<List<AcoustIdMatch>> answers = client().lookup(queries().subList(0, 3));
        assertThat(answers.get(2).get(0).recordingMbid()).isEqualTo(rec(2));
        assertThat(fake.requests("lookup")).isEqualTo(3);
        assertThat(fake.rateLimitViolations()).isZero();
    }

    @Test
    void malformedJsonIsAClearErrorAndNothingIsCached() {
        fake.faults().malformedJson(1);
        assertThatThrownBy(() -> client().lookup(queries().subList(0, 2)))
                .isInstanceOf(LookupUnavailableException.class)
                .hasMessageContaining("malformed JSON");
        assertThat(cache.writes()).isZero();
        assertThat(client().lookup(queries().subList(0, 2)).get(0)).isNotEmpty();
    }

    @Test
    void aDeadServiceIsLookupUnavailable() {
        ImportParameters dead = params("acoustid_base_url", "http://127.0.0.1:9/v2", "acoustid_rate_limit_ms", "0");
        AcoustIdClient c =
                new AcoustIdClient(ServiceEndpoints.acoustId(dead, HttpSetup.sharedClient(dead)), cache, KEY);
        assertThatThrownBy(() -> c.lookup(queries().subList(0, 1)))
                .isInstanceOf(LookupUnavailableException.class)
                .hasMessageContaining("unreachable");
    }

    /**
     * Issue 10: a service that accepts connections and never answers cost a timeout plus a retry per passage. Now
     * the first call waits one timeout (no retry), then every call fails at once with the same message until the
     * next import ({@link ServiceEndpoint#newRun}) asks again.
     */
    @Test
    void aServiceThatNeverAnswersIsAskedOnceThenNotAgainUntilTheNextImport() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "http://127.0.0.1:" + silent.getLocalPort() + "/v2";
            ImportParameters p =
                    params("acoustid_base_url", url, "acoustid_rate_limit_ms", "0", "http_timeout_ms", "500");
            ServiceEndpoint endpoint = ServiceEndpoints.acoustId(p, HttpSetup.sharedClient(p));
            AcoustIdClient c = new AcoustIdClient(endpoint, cache, KEY);
            String dead = "AcoustID did not answer within 0.5 s (timeout at " + url + "); not asked again for 5 min";
            for (int i = 0; i < 4; i++) {
                List<FingerprintQuery> q = queries().subList(i, i + 1);
                assertThatThrownBy(() -> c.lookup(q))
                        .isInstanceOf(LookupUnavailableException.class)
                        .hasMessage(dead);
            }
            assertThat(accepted)
                    .as("one connection: no retry after a timeout, then not asked again")
                    .hasSize(1);

            endpoint.newRun();
            assertThatThrownBy(() -> c.lookup(queries().subList(0, 1))).hasMessage(dead);
            assertThat(accepted).as("a new import asks again").hasSize(2);
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void readsTheRecordedRealShapeAndSendsTheBatchForm() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder()
                    .code(200)
                    .body(sample("acoustid-lookup-batch.json"))
                    .build());
            server.enqueue(new MockResponse.Builder()
                    .code(400)
                    .body(sample("acoustid-error-invalid-key.json"))
                    .build());
            server.start();
            ImportParameters p =
                    params("acoustid_base_url", server.url("/v2").toString(), "acoustid_rate_limit_ms", "0");
            AcoustIdClient c = new AcoustIdClient(ServiceEndpoints.acoustId(p, HttpSetup.sharedClient(p)), cache, KEY);

            List<List<AcoustIdMatch>> answers =
                    c.lookup(List.of(new FingerprintQuery("AQAAA1", 386), new FingerprintQuery("AQAAA2", 10)));

            AcoustIdMatch best = answers.get(0).get(0);
            assertThat(best.recordingMbid()).isEqualTo("cd2e7c47-16f5-46c6-a37c-a1eb7bf599ff");
            assertThat(best.score()).isEqualTo(0.973045);
            assertThat(best.artistNames()).containsExactly("Metallica");
            assertThat(best.releases()).singleElement().satisfies(r -> {
                assertThat(r.releaseMbid()).isEqualTo("2529f558-970b-33d2-a42f-41ab15a983c8");
                assertThat(r.releaseGroupMbid()).isEqualTo("e8f70201-8899-3f0c-9e07-5d6495bc8046");
                assertThat(r.trackCount()).isEqualTo(12);
                assertThat(r.trackPosition()).isEqualTo(8);
            });
            assertThat(answers.get(0))
                    .extracting(AcoustIdMatch::recordingMbid)
                    .doesNotHaveDuplicates()
                    .hasSize(2);
            assertThat(answers.get(1)).isEmpty();
            String form = server.takeRequest().getBody().utf8();
            assertThat(form)
                    .contains("batch=1", "fingerprint.0=AQAAA1", "duration.1=10", "meta=recordings+releasegroups");

            assertThatThrownBy(() -> c.lookup(List.of(new FingerprintQuery("AQAAA3", 5))))
                    .isInstanceOf(InvalidApiKeyException.class);
        }
    }
}
