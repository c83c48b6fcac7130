package io.wkmp.ingest.adapters.acoustid;

import static io.wkmp.ingest.adapters.http.TestServices.params;
import static io.wkmp.ingest.adapters.http.TestServices.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wkmp.ingest.adapters.http.HttpSetup;
import io.wkmp.ingest.adapters.http.ServiceEndpoints;
import io.wkmp.ingest.core.error.LookupUnavailableException;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.port.AcoustIdMatch;
import io.wkmp.ingest.core.port.AcoustIdService.InvalidApiKeyException;
import io.wkmp.ingest.core.port.FingerprintQuery;
import io.wkmp.ingest.core.port.ResponseCache;
import io.wkmp.ingest.testkit.fakes.InMemoryResponseCache;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The AcoustID client reads what the real service sends: replies in the service's documented shapes (samples in
 * {@code src/test/resources/samples}, sources in its README) served over HTTP to the real client.
 */
class AcoustIdContractTest {
    private static final String KEY = "contractKey1";

    private MockWebServer server;
    private InMemoryResponseCache cache;
    private AcoustIdClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        cache = new InMemoryResponseCache();
        ImportParameters p = params("acoustid_base_url", server.url("/v2").toString(), "acoustid_rate_limit_ms", "0");
        client = new AcoustIdClient(ServiceEndpoints.acoustId(p, HttpSetup.sharedClient(p)), cache, KEY);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private void answer(int code, String sampleName) {
        server.enqueue(
                new MockResponse.Builder().code(code).body(sample(sampleName)).build());
    }

    @Test
    void aLookupWithRecordingsReleaseGroupsReleasesAndTracksGivesEachRecordingWithItsReleasesAndTrackPositions()
            throws Exception {
        // the client always asks in the batch form; the service answers one fingerprint's results the same way
        // whichever form: the single form's "results" is what each batch entry holds
        answer(200, "acoustid-lookup-meta.json");
        // a single-form reply where a batch was asked has no "fingerprints": the client must not take it for answers
        assertThatThrownBy(() -> client.lookup(List.of(new FingerprintQuery("AQAAAx", 232))))
                .isInstanceOf(LookupUnavailableException.class)
                .hasMessageContaining("without a fingerprints array");

        List<AcoustIdMatch> matches = AcoustIdJson.matches(
                AcoustIdJson.parse(sample("acoustid-lookup-meta.json")).path("results"));

        assertThat(matches)
                .extracting(AcoustIdMatch::recordingMbid)
                .containsExactly(
                        "1c2d3e4f-0000-4000-8000-00000000a001",
                        "1c2d3e4f-0000-4000-8000-00000000a002",
                        "1c2d3e4f-0000-4000-8000-00000000a003");
        AcoustIdMatch best = matches.get(0);
        assertThat(best.score()).isEqualTo(0.972315);
        assertThat(best.title()).isEqualTo("Northern Lights");
        assertThat(best.durationSeconds()).isEqualTo(231.866);
        assertThat(best.artistNames()).containsExactly("The Contract Band", "Guest Singer");
        assertThat(best.releases()).hasSize(2);
        assertThat(best.releases().get(0)).satisfies(r -> {
            assertThat(r.releaseMbid()).isEqualTo("d0d0d0d0-0000-4000-8000-00000000d001");
            assertThat(r.releaseGroupMbid()).isEqualTo("e0e0e0e0-0000-4000-8000-00000000c001");
            assertThat(r.title()).isEqualTo("Polar Nights");
            assertThat(r.trackCount()).isEqualTo(24);
            assertThat(r.mediumPosition()).isEqualTo(2);
            assertThat(r.trackPosition()).isEqualTo(7);
        });
        assertThat(best.releases().get(1).releaseGroupMbid()).isEqualTo("e0e0e0e0-0000-4000-8000-00000000c002");
        // a recording AcoustID links without metadata: only its id
        assertThat(matches.get(1).title()).isNull();
        assertThat(matches.get(1).durationSeconds()).isEqualTo(-1);
        assertThat(matches.get(1).releases()).isEmpty();
        assertThat(matches.get(2).score()).isEqualTo(0.61);
    }

    @Test
    void aBatchedLookupGivesEachFingerprintItsOwnResultsByIndexAndOneTheServiceLeftOutNone() throws Exception {
        answer(200, "acoustid-lookup-batch-unreadable.json");
        FingerprintQuery first = new FingerprintQuery("AQAAA0", 232);
        FingerprintQuery unreadable = new FingerprintQuery("AQAAA1", 100);
        FingerprintQuery third = new FingerprintQuery("AQAAA2", 64);

        assertThatThrownBy(() -> client.lookup(List.of(first, unreadable, third)))
                .isInstanceOf(LookupUnavailableException.class)
                .hasMessageContaining("could not read the fingerprint of passage 2");

        String form = server.takeRequest().getBody().utf8();
        assertThat(form)
                .contains(
                        "batch=1",
                        "fingerprint.0=AQAAA0",
                        "duration.0=232",
                        "fingerprint.2=AQAAA2",
                        "meta=recordings+releasegroups+releases+tracks");
        // the readable fingerprints' answers were kept: asked again, they come from the cache, each its own
        assertThat(cache.size(ResponseCache.Kind.ACOUSTID)).isEqualTo(2);
        List<List<AcoustIdMatch>> again = client.lookup(List.of(third, first));
        assertThat(again.get(0)).isEmpty();
        assertThat(again.get(1))
                .singleElement()
                .satisfies(m -> assertThat(m.releases().get(0).trackPosition()).isEqualTo(7));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anInvalidKeyIsTheRefusalThatPausesTheSession() {
        answer(400, "acoustid-error-invalid-key.json");
        assertThatThrownBy(() -> client.lookup(List.of(new FingerprintQuery("AQAAA0", 232))))
                .isInstanceOf(InvalidApiKeyException.class)
                .hasMessageContaining("code 4: invalid API key")
                .hasMessageNotContaining(KEY);
    }

    @Test
    void theRateLimitErrorIsRetriedThenTheAnswerRead() throws Exception {
        answer(429, "acoustid-error-rate-limit.json");
        answer(200, "acoustid-lookup-batch.json");

        List<List<AcoustIdMatch>> answers =
                client.lookup(List.of(new FingerprintQuery("AQAAA0", 386), new FingerprintQuery("AQAAA1", 10)));

        assertThat(answers.get(0).get(0).recordingMbid()).isEqualTo("cd2e7c47-16f5-46c6-a37c-a1eb7bf599ff");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aRateLimitErrorThatLastsLeavesTheLookupUnavailableNamingTheService() {
        for (int i = 0; i < 4; i++) {
            answer(429, "acoustid-error-rate-limit.json");
        }
        assertThatThrownBy(() -> client.lookup(List.of(new FingerprintQuery("AQAAA0", 232))))
                .isInstanceOf(LookupUnavailableException.class)
                .isNotInstanceOf(InvalidApiKeyException.class)
                .hasMessageContaining("AcoustID");
    }
}
