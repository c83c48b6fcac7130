package io.wkmp.ingest.adapters.musicbrainz;

import static io.wkmp.ingest.adapters.http.TestServices.params;
import static io.wkmp.ingest.adapters.http.TestServices.sample;
import static org.assertj.core.api.Assertions.assertThat;

import io.wkmp.ingest.adapters.http.HttpSetup;
import io.wkmp.ingest.adapters.http.ServiceEndpoints;
import io.wkmp.ingest.core.catalog.ArtistCredit;
import io.wkmp.ingest.core.catalog.Release;
import io.wkmp.ingest.core.catalog.Track;
import io.wkmp.ingest.core.catalog.Work;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.port.MusicBrainzService.SearchHit;
import io.wkmp.ingest.testkit.fakes.InMemoryResponseCache;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The MusicBrainz client reads what the real service sends: replies in the ws/2 JSON shapes the service documents
 * (samples in {@code src/test/resources/samples}, sources in its README) served over HTTP to the real client.
 */
class MusicBrainzContractTest {
    private static final String RELEASE = "d0d0d0d0-0000-4000-8000-00000000d001";

    private MockWebServer server;
    private MusicBrainzClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        ImportParameters p =
                params("musicbrainz_base_url", server.url("/ws/2").toString(), "musicbrainz_rate_limit_ms", "0");
        client = new MusicBrainzClient(
                ServiceEndpoints.musicBrainz(p, HttpSetup.sharedClient(p)), new InMemoryResponseCache());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private void answer(int code, String sampleName) {
        server.enqueue(new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json; charset=utf-8")
                .body(sample(sampleName))
                .build());
    }

    @Test
    void aReleaseWithRecordingsArtistCreditsAndWorkRelationsIsReadTrackByTrack() throws Exception {
        answer(200, "musicbrainz-release-work-rels.json");

        Release r = client.lookupRelease(RELEASE).orElseThrow();

        RecordedRequest asked = server.takeRequest();
        assertThat(asked.getTarget())
                .startsWith("/ws/2/release/" + RELEASE + "?fmt=json&inc=")
                .contains("recordings", "artist-credits", "work-rels", "recording-level-rels");
        assertThat(r.releaseMbid()).isEqualTo(RELEASE);
        assertThat(r.title()).isEqualTo("Polar Nights");
        assertThat(r.date()).isEqualTo("2019-03-08");
        assertThat(r.artists()).extracting(ArtistCredit::name).containsExactly("The Contract Band");
        assertThat(r.media()).hasSize(2);
        assertThat(r.media().get(1).format()).isEqualTo("Digital Media");
        List<Track> tracks = r.tracks();
        assertThat(tracks).extracting(Track::number).containsExactly("1", "2", "A1");
        assertThat(tracks).extracting(Track::position).containsExactly(1, 2, 1);

        Track first = tracks.get(0);
        assertThat(first.trackMbid()).isEqualTo("f0f0f0f0-0000-4000-8000-00000000e101");
        assertThat(first.lengthMs()).isEqualTo(201000);
        assertThat(first.recording().recordingMbid()).isEqualTo("1c2d3e4f-0000-4000-8000-00000000a101");
        assertThat(first.recording().lengthMs()).isEqualTo(200960);
        assertThat(first.recording().works())
                .containsExactly(new Work("b0b0b0b0-0000-4000-8000-00000000f101", "Aurora"));

        Track second = tracks.get(1);
        assertThat(second.lengthMs())
                .as("a track whose length MusicBrainz does not know (null) takes its recording's")
                .isEqualTo(231866);
        assertThat(second.recording().artists())
                .containsExactly(
                        new ArtistCredit("a0a0a0a0-0000-4000-8000-00000000b001", "The Contract Band", " feat. "),
                        new ArtistCredit("a0a0a0a0-0000-4000-8000-00000000b002", "Guest", ""));
        assertThat(second.recording().works()).isEmpty();

        Track bonus = tracks.get(2);
        assertThat(bonus.recording().artists())
                .as("a recording without its own credit is the release artist's")
                .extracting(ArtistCredit::name)
                .containsExactly("The Contract Band");
    }

    @Test
    void aReleaseSearchGivesEachHitItsScoreTrackCountAndCreditedArtists() throws Exception {
        answer(200, "musicbrainz-release-search-page.json");

        List<SearchHit> hits = client.searchReleases("The Contract Band", "Polar Nights", 0);

        assertThat(server.takeRequest().getUrl().queryParameter("query"))
                .isEqualTo("release:\"Polar Nights\" AND artist:\"The Contract Band\"");
        assertThat(hits).hasSize(2);
        assertThat(hits.get(0)).isEqualTo(new SearchHit(RELEASE, "Polar Nights", "The Contract Band", 3, -1, 100));
        assertThat(hits.get(1).trackCount())
                .as("without a release track count, the media's")
                .isEqualTo(25);
        assertThat(hits.get(1).artist()).isEqualTo("Contract Band & Friends");
        assertThat(hits.get(1).score()).isEqualTo(64);
        assertThat(server.getRequestCount()).as("count 2 < limit: one page").isEqualTo(1);
    }

    @Test
    void a503ForTheRateIsRetriedAndTheReleaseReadThen() throws Exception {
        answer(503, "musicbrainz-503-rate-limit.json");
        answer(200, "musicbrainz-release-work-rels.json");

        Release r = client.lookupRelease(RELEASE).orElseThrow();

        assertThat(r.tracks()).hasSize(3);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }
}
