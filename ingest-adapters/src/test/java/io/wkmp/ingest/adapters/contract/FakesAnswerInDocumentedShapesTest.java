package io.wkmp.ingest.adapters.contract;

import static io.wkmp.ingest.adapters.http.TestServices.params;
import static io.wkmp.ingest.adapters.http.TestServices.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wkmp.ingest.adapters.acoustid.AcoustIdClient;
import io.wkmp.ingest.adapters.http.HttpSetup;
import io.wkmp.ingest.adapters.http.ServiceEndpoints;
import io.wkmp.ingest.adapters.musicbrainz.MusicBrainzClient;
import io.wkmp.ingest.core.catalog.Release;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.port.AcoustIdMatch;
import io.wkmp.ingest.core.port.FingerprintQuery;
import io.wkmp.ingest.core.port.MusicBrainzService.SearchHit;
import io.wkmp.ingest.testkit.fakes.ChromaprintCodec;
import io.wkmp.ingest.testkit.fakes.FakeAcoustIdServer;
import io.wkmp.ingest.testkit.fakes.FakeCatalog;
import io.wkmp.ingest.testkit.fakes.FakeMusicBrainzServer;
import io.wkmp.ingest.testkit.fakes.InMemoryResponseCache;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The testkit's fake AcoustID and MusicBrainz answer in the shapes the real services document: every field of a
 * fake's reply, with its type, is one the documented samples ({@code src/test/resources/samples}) have at the same
 * place, and the clients' parsers read a fake's reply and a documented one into equally complete records. So a test
 * passing against the fakes says something about the real services.
 */
class FakesAnswerInDocumentedShapesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "shapeKey1";
    private static final String ARTIST = "a3000000-0000-4000-8000-000000000001";
    private static final String WORK = "b3000000-0000-4000-8000-000000000001";
    private static final String REC1 = "c3000000-0000-4000-8000-000000000001";
    private static final String REC2 = "c3000000-0000-4000-8000-000000000002";
    private static final String RELEASE = "d3000000-0000-4000-8000-000000000001";

    private final OkHttpClient http = new OkHttpClient();
    private int[] fingerprint1;
    private FakeCatalog catalog;
    private FakeAcoustIdServer acoustId;
    private FakeMusicBrainzServer musicBrainz;

    @BeforeEach
    void start() {
        fingerprint1 = new Random(31).ints(300).toArray();
        catalog = FakeCatalog.builder()
                .artist(ARTIST, "Shape Band")
                .work(WORK, "Shape Song")
                .recording(REC1, "Shape Song", 201_500, ARTIST, WORK, fingerprint1, Map.of())
                .recording(
                        REC2,
                        "Other Song",
                        180_250,
                        ARTIST,
                        null,
                        new Random(32).ints(300).toArray(),
                        Map.of())
                .release(RELEASE, "Shapes", "2021-05-04", ARTIST, List.of(REC1, REC2))
                .build();
        acoustId = new FakeAcoustIdServer(catalog, Set.of(KEY), 0);
        musicBrainz = new FakeMusicBrainzServer(catalog, 0);
    }

    @AfterEach
    void stop() {
        acoustId.close();
        musicBrainz.close();
    }

    private static JsonNode doc(String sampleName) throws Exception {
        return JSON.readTree(sample(sampleName));
    }

    /** Status and body of one exchange with a fake, as it sent them. */
    private record Reply(int statusCode, String body) {}

    private Reply exchange(Request.Builder request) throws Exception {
        try (Response r = http.newCall(request.header("User-Agent", HttpSetup.APPLICATION + " ( shapes@example.org )")
                        .build())
                .execute()) {
            return new Reply(r.code(), r.body() == null ? "" : r.body().string());
        }
    }

    private Reply post(String url, String form) throws Exception {
        return exchange(new Request.Builder()
                .url(url)
                .post(RequestBody.create(form, MediaType.get("application/x-www-form-urlencoded"))));
    }

    private Reply get(String url) throws Exception {
        return exchange(new Request.Builder().url(url));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Union of sets. */
    @SafeVarargs
    private static Set<String> all(Set<String>... shapes) {
        Set<String> out = new TreeSet<>();
        for (Set<String> s : shapes) {
            out.addAll(s);
        }
        return out;
    }

    @Test
    void theFakeAcoustIdAnswersABatchedLookupInTheServicesShape() throws Exception {
        String fp = ChromaprintCodec.encode(fingerprint1, 1);
        String form = "client=" + KEY + "&format=json&batch=1&meta=" + enc("recordings releasegroups releases tracks")
                + "&fingerprint.0=" + enc(fp) + "&duration.0=202&fingerprint.1=" + enc("not a fingerprint")
                + "&duration.1=5&fingerprint.2=" + enc(fp) + "&duration.2=202";
        Reply reply = post(acoustId.apiUrl() + "/lookup", form);
        assertThat(reply.statusCode()).isEqualTo(200);
        JsonNode fake = JSON.readTree(reply.body());

        // the envelope: status and fingerprints[] of {index, results}; the unreadable one is left out, as the service
        // does
        Set<String> documentedEnvelope = all(
                envelope(doc("acoustid-lookup-batch.json")), envelope(doc("acoustid-lookup-batch-unreadable.json")));
        assertThat(envelope(fake)).isSubsetOf(documentedEnvelope);
        assertThat(fake.path("fingerprints"))
                .extracting(f -> f.path("index").asInt())
                .containsExactly(0, 2);
        // each result, down to the tracks: only fields, at the places and with the types, the service documents
        Set<String> documentedResults = all(
                JsonShape.ofElements(doc("acoustid-lookup-meta.json"), "results"),
                JsonShape.ofElements(doc("acoustid-lookup-batch.json"), "fingerprints[]", "results"),
                JsonShape.ofElements(doc("acoustid-lookup-batch-unreadable.json"), "fingerprints[]", "results"));
        Set<String> fakeResults = JsonShape.ofElements(fake, "fingerprints[]", "results");
        assertThat(fakeResults).isNotEmpty().isSubsetOf(documentedResults);
        assertThat(fakeResults)
                .as("the fake fills what the client reads")
                .contains(
                        ".score: float",
                        ".recordings[].duration: float",
                        ".recordings[].artists[].name: string",
                        ".recordings[].releasegroups[].releases[].track_count: integer",
                        ".recordings[].releasegroups[].releases[].mediums[].tracks[].position: integer");

        // the client reads the fake's answer as completely as the documented one
        ImportParameters p = params("acoustid_base_url", acoustId.apiUrl(), "acoustid_rate_limit_ms", "0");
        AcoustIdClient client = new AcoustIdClient(
                ServiceEndpoints.acoustId(p, HttpSetup.sharedClient(p)), new InMemoryResponseCache(), KEY);
        AcoustIdMatch m =
                client.lookup(List.of(new FingerprintQuery(fp, 202))).get(0).get(0);
        assertThat(m.recordingMbid()).isEqualTo(REC1);
        assertThat(m.title()).isEqualTo("Shape Song");
        assertThat(m.durationSeconds()).isEqualTo(201.5);
        assertThat(m.artistNames()).containsExactly("Shape Band");
        assertThat(m.releases()).singleElement().satisfies(r -> {
            assertThat(r.releaseMbid()).isEqualTo(RELEASE);
            assertThat(r.releaseGroupMbid()).isNotNull();
            assertThat(r.trackCount()).isEqualTo(2);
            assertThat(r.mediumPosition()).isEqualTo(1);
            assertThat(r.trackPosition()).isEqualTo(1);
        });
    }

    /** The shape of a batch reply without what is inside each fingerprint's results. */
    private static Set<String> envelope(JsonNode batch) {
        Set<String> out = new TreeSet<>();
        for (String s : JsonShape.of(batch)) {
            if (!s.startsWith(".fingerprints[].results[]")) {
                out.add(s);
            }
        }
        return out;
    }

    @Test
    void theFakeAcoustIdRefusesAKeyAndARateInTheServicesErrorShape() throws Exception {
        Reply refused = post(acoustId.apiUrl() + "/lookup", "client=wrong&fingerprint.0=x&duration.0=1");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JsonShape.of(JSON.readTree(refused.body())))
                .isEqualTo(JsonShape.of(doc("acoustid-error-invalid-key.json")));
        assertThat(JSON.readTree(refused.body()).path("error").path("code").asInt())
                .isEqualTo(4);

        try (FakeAcoustIdServer limited = new FakeAcoustIdServer(catalog, Set.of(KEY), 60_000)) {
            String form = "client=" + KEY + "&batch=1&fingerprint.0=" + enc(ChromaprintCodec.encode(fingerprint1, 1))
                    + "&duration.0=202";
            Reply last = null;
            for (int i = 0; i < 3; i++) {
                last = post(limited.apiUrl() + "/lookup", form);
            }
            assertThat(last.statusCode()).isEqualTo(429);
            assertThat(JsonShape.of(JSON.readTree(last.body())))
                    .isEqualTo(JsonShape.of(doc("acoustid-error-rate-limit.json")));
            assertThat(JSON.readTree(last.body()).path("error").path("code").asInt())
                    .isEqualTo(14);
        }
    }

    @Test
    void theFakeMusicBrainzAnswersAReleaseLookupASearchAndA503InTheServicesShape() throws Exception {
        ImportParameters p = params("musicbrainz_base_url", musicBrainz.apiUrl(), "musicbrainz_rate_limit_ms", "0");
        MusicBrainzClient client = new MusicBrainzClient(
                ServiceEndpoints.musicBrainz(p, HttpSetup.sharedClient(p)), new InMemoryResponseCache());

        // the release as the client asks for it
        Release r = client.lookupRelease(RELEASE).orElseThrow();
        String inc = "recordings+artist-credits+release-groups+media+recording-level-rels+work-rels";
        JsonNode fakeRelease = JSON.readTree(get(musicBrainz.apiUrl() + "/release/" + RELEASE + "?fmt=json&inc=" + inc)
                .body());
        Set<String> documentedRelease = all(
                JsonShape.of(doc("musicbrainz-release.json")), JsonShape.of(doc("musicbrainz-release-work-rels.json")));
        assertThat(JsonShape.of(fakeRelease)).isSubsetOf(documentedRelease);
        assertThat(r.tracks()).hasSize(2);
        assertThat(r.tracks().get(0).number()).isEqualTo("1");
        assertThat(r.tracks().get(0).lengthMs()).isEqualTo(201_500);
        assertThat(r.tracks().get(0).recording().works())
                .singleElement()
                .satisfies(w -> assertThat(w.workMbid()).isEqualTo(WORK));
        assertThat(r.tracks().get(0).recording().artists()).singleElement().satisfies(a -> {
            assertThat(a.artistMbid()).isEqualTo(ARTIST);
            assertThat(a.name()).isEqualTo("Shape Band");
        });
        assertThat(r.releaseGroupMbid()).isNotNull();

        // a release search
        List<SearchHit> hits = client.searchReleases("Shape Band", "Shapes", 2);
        JsonNode fakeSearch = JSON.readTree(get(musicBrainz.apiUrl() + "/release?fmt=json&limit=25&offset=0&query="
                        + enc("release:\"Shapes\" AND artist:\"Shape Band\" AND tracks:2"))
                .body());
        Set<String> documentedSearch = all(
                JsonShape.of(doc("musicbrainz-release-search.json")),
                JsonShape.of(doc("musicbrainz-release-search-page.json")));
        assertThat(JsonShape.of(fakeSearch)).isSubsetOf(documentedSearch);
        assertThat(hits.get(0).mbid()).isEqualTo(RELEASE);
        assertThat(hits.get(0).trackCount()).isEqualTo(2);
        assertThat(hits.get(0).artist()).isEqualTo("Shape Band");
        assertThat(hits.get(0).score()).isPositive();

        // the 503 a client too fast for the rate gets
        try (FakeMusicBrainzServer limited = new FakeMusicBrainzServer(catalog, 60_000)) {
            Reply last = null;
            for (int i = 0; i < 3; i++) {
                last = get(limited.apiUrl() + "/release/" + RELEASE + "?fmt=json");
            }
            assertThat(last.statusCode()).isEqualTo(503);
            assertThat(JsonShape.of(JSON.readTree(last.body())))
                    .isEqualTo(JsonShape.of(doc("musicbrainz-503-rate-limit.json")));
        }
    }
}
