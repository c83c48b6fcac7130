package io.wkmp.ingest.adapters.coverart;

import static io.wkmp.ingest.adapters.http.TestServices.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.wkmp.ingest.adapters.http.HttpSetup;
import io.wkmp.ingest.adapters.http.ServiceEndpoints;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.testkit.fakes.InMemoryResponseCache;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class CoverArtClientTest {
    private static final String REL = "76df3287-6cda-33eb-8e9a-044b5e15ffdd";
    private static final String BARE = "76df3287-6cda-33eb-8e9a-044b5e15ff00";

    @Test
    void fetchesFrontAndBackCachesTheListingAndKnowsReleasesWithoutArt() throws Exception {
        AtomicInteger listings = new AtomicInteger();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest r) {
                    String path = r.getUrl().encodedPath();
                    if (path.equals("/release/" + REL)) {
                        listings.incrementAndGet();
                        String base = r.getUrl().scheme() + "://" + r.getUrl().host() + ":"
                                + r.getUrl().port();
                        return new MockResponse.Builder()
                                .code(200)
                                .body("{\"images\":["
                                        + "{\"types\":[\"Front\"],\"front\":true,\"back\":false,\"edit\":1,\"id\":1,\"approved\":true,"
                                        + "\"image\":\"" + base + "/img/1.jpg\",\"thumbnails\":{\"250\":\"" + base
                                        + "/img/1-250.jpg\"}},"
                                        + "{\"types\":[\"Back\"],\"front\":false,\"back\":true,\"image\":\"" + base
                                        + "/img/2.png\"},"
                                        + "{\"types\":[\"Booklet\"],\"front\":false,\"back\":false,\"image\":\"" + base
                                        + "/img/3.jpg\"}],"
                                        + "\"release\":\"https://musicbrainz.org/release/" + REL + "\"}")
                                .build();
                    }
                    if (path.startsWith("/img/")) {
                        return new MockResponse.Builder()
                                .code(200)
                                .body(new Buffer().write(new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2}))
                                .build();
                    }
                    return new MockResponse.Builder()
                            .code(404)
                            .body("No cover art found for release")
                            .build();
                }
            });
            server.start();
            ImportParameters p =
                    params("coverartarchive_base_url", server.url("/").toString(), "musicbrainz_rate_limit_ms", "0");
            InMemoryResponseCache cache = new InMemoryResponseCache();
            CoverArtClient c = new CoverArtClient(ServiceEndpoints.coverArt(p, HttpSetup.sharedClient(p)), cache);

            ReleaseCovers art = c.covers(REL).orElseThrow();
            assertThat(art.front().orElseThrow().bytes()).containsExactly(0xff, 0xd8, 1, 2);
            assertThat(art.front().orElseThrow().extension()).isEqualTo("jpg");
            assertThat(art.back().orElseThrow().extension()).isEqualTo("png");
            assertThat(c.covers(REL)).isPresent();
            assertThat(listings.get()).isEqualTo(1);

            assertThat(c.covers(BARE)).isEmpty();
            int before = server.getRequestCount();
            assertThat(c.covers(BARE)).isEmpty();
            assertThat(server.getRequestCount()).isEqualTo(before);
        }
    }

    @Test
    void anUnreachableArchiveIsNoCover() {
        ImportParameters p = params("coverartarchive_base_url", "http://127.0.0.1:9", "musicbrainz_rate_limit_ms", "0");
        CoverArtClient c = new CoverArtClient(
                ServiceEndpoints.coverArt(p, HttpSetup.sharedClient(p)), new InMemoryResponseCache());
        assertThat(c.covers(REL)).isEmpty();
    }
}
