package io.wkmp.ingest.testkit.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FakeServicesTest {
    private static final String ART = "a0000000-0000-4000-8000-000000000001";
    private static final String REC = "10000000-0000-4000-8000-000000000001";
    private static final String REL = "20000000-0000-4000-8000-000000000001";
    private final HttpClient http = HttpClient.newHttpClient();

    private static FakeCatalog catalog(int[] fp) {
        return FakeCatalog.builder()
                .artist(ART, "Synth Band")
                .work("w0000000-0000-4000-8000-000000000001", "Opus")
                .recording(
                        REC,
                        "First Light",
                        30_000,
                        ART,
                        "w0000000-0000-4000-8000-000000000001",
                        fp,
                        Map.of("mood_happy", Map.of("happy", 0.8, "not_happy", 0.2)))
                .release(REL, "Tones", "2021-03-04", ART, List.of(REC))
                .build();
    }

    @Test
    void acoustIdMatchesByBitSimilarityAndCountsRateViolations() throws Exception {
        int[] fp = new java.util.Random(3).ints(200).toArray();
        int[] noisy = fp.clone();
        for (int i = 0; i < noisy.length; i += 3) {
            noisy[i] ^= 0b101;
        }
        try (FakeAcoustIdServer fake = new FakeAcoustIdServer(catalog(fp), Set.of("key"))) {
            AtomicLong now = new AtomicLong(5_000_000_000L); // the fake's clock: requests arrive when the test says
            fake.timeSource(now::get);
            long interval = FakeAcoustIdServer.MIN_INTERVAL_MS * 1_000_000;
            String form = "client=key&meta=recordings+releasegroups+releases&batch=1&duration.0=30&fingerprint.0="
                    + ChromaprintCodec.encode(noisy, 1) + "&duration.1=30&fingerprint.1="
                    + ChromaprintCodec.encode(new java.util.Random(4).ints(200).toArray(), 1);
            HttpResponse<String> r = post(fake.apiUrl() + "/lookup", form);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body())
                    .contains("\"index\":0", REC, REL, "\"index\":1,\"results\":[]")
                    .doesNotContain("\"index\":1,\"results\":[{");

            // one request of burst is tolerated (one interval early), the third at the same instant is not
            assertThat(post(fake.apiUrl() + "/lookup", form).statusCode()).isEqualTo(200);
            HttpResponse<String> tooSoon = post(fake.apiUrl() + "/lookup", form);
            assertThat(tooSoon.statusCode()).isEqualTo(429);
            assertThat(tooSoon.body()).contains("\"code\":14");
            assertThat(fake.rateLimitViolations()).isEqualTo(1);
            assertThat(fake.violationDetails())
                    .containsExactly("arrived " + 2 * interval / 1_000_000 + " ms before its slot");

            now.addAndGet(interval - 1); // one nanosecond before the third slot's allowance
            assertThat(post(fake.apiUrl() + "/lookup", form).statusCode()).isEqualTo(429);
            now.addAndGet(1);
            assertThat(post(fake.apiUrl() + "/lookup", form).statusCode()).isEqualTo(200);
            assertThat(fake.rateLimitViolations()).isEqualTo(2);
            assertThat(fake.requests("lookup")).isEqualTo(5);

            now.addAndGet(10 * interval); // a client that waited is welcome again
            assertThat(post(fake.apiUrl() + "/lookup", "client=bad&fingerprint=x&duration=1")
                            .body())
                    .contains("\"code\":4");
            assertThat(fake.rateLimitViolations()).isEqualTo(2);
        }
    }

    @Test
    void aClientAtTwiceTheRateIsCaughtAndOneAtTheRateNeverIs() throws Exception {
        try (FakeAcoustIdServer fake = new FakeAcoustIdServer(catalog(new int[0]), Set.of("key"))) {
            AtomicLong now = new AtomicLong();
            fake.timeSource(now::get);
            long interval = FakeAcoustIdServer.MIN_INTERVAL_MS * 1_000_000;
            String form = "client=key&duration=1&fingerprint=INVALID";
            for (int i = 0; i < 4; i++) {
                assertThat(post(fake.apiUrl() + "/lookup", form).statusCode()).isNotEqualTo(429);
                now.addAndGet(interval);
            }
            assertThat(fake.rateLimitViolations()).isZero();
            int firstRefused = -1;
            for (int i = 1; i <= 6 && firstRefused < 0; i++) {
                now.addAndGet(interval / 2);
                if (post(fake.apiUrl() + "/lookup", form).statusCode() == 429) {
                    firstRefused = i;
                }
            }
            assertThat(firstRefused)
                    .as("request at twice the rate first refused")
                    .isBetween(2, 4);
        }
    }

    @Test
    void musicBrainzSearchesLooksUpAndRequiresAUserAgent() throws Exception {
        try (FakeMusicBrainzServer fake = new FakeMusicBrainzServer(catalog(new int[0]), 0)) {
            String q = URLEncoder.encode(
                    "release:\"Tones\" AND artist:\"Synth Band\" AND tracks:1", StandardCharsets.UTF_8);
            assertThat(get(fake.apiUrl() + "/release?fmt=json&query=" + q, "T/1 ( t@example.org )")
                            .body())
                    .contains("\"count\":1", REL, "\"score\":100");
            String release = get(
                            fake.apiUrl() + "/release/" + REL
                                    + "?fmt=json&inc=recordings+artist-credits+release-groups+work-rels",
                            "T/1 ( t@example.org )")
                    .body();
            assertThat(release).contains("\"tracks\"", REC, "\"performance\"", "\"release-group\"", "First Light");
            assertThat(get(fake.apiUrl() + "/release/" + REC, "T/1 ( t@example.org )")
                            .statusCode())
                    .isEqualTo(404);
            assertThat(get(fake.apiUrl() + "/release/" + REL, "Java-http-client")
                            .statusCode())
                    .isEqualTo(403);
            assertThat(fake.requestCounts()).containsEntry("release", 3).containsEntry("release-search", 1);
        }
    }

    @Test
    void acousticBrainzBulkLeavesOutRecordingsWithoutData() throws Exception {
        try (FakeAcousticBrainzServer fake = new FakeAcousticBrainzServer(catalog(new int[0]), 0)) {
            String body = get(fake.apiUrl() + "/high-level?recording_ids=" + REC + ";" + REL, "T/1")
                    .body();
            assertThat(body)
                    .contains(REC, "\"happy\":0.8", "\"value\":\"happy\"")
                    .doesNotContain("\"" + REL + "\"");
            assertThat(get(fake.apiUrl() + "/" + REL + "/high-level", "T/1").statusCode())
                    .isEqualTo(404);
        }
    }

    private HttpResponse<String> post(String url, String form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url, String agent) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("User-Agent", agent)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
