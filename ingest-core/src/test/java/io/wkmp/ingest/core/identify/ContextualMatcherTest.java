package io.wkmp.ingest.core.identify;

import static io.wkmp.ingest.core.identify.Albums.ARTIST;
import static io.wkmp.ingest.core.identify.Albums.release;
import static io.wkmp.ingest.core.identify.Albums.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wkmp.ingest.core.catalog.Release;
import io.wkmp.ingest.core.match.ContextualScoring;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.port.MusicBrainzService.SearchHit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Candidates from names and lengths: the recording and release searches and the release alignment score. */
class ContextualMatcherTest {
    final InProcessMusicBrainz musicBrainz = new InProcessMusicBrainz();
    final ContextualMatcher matcher =
            new ContextualMatcher(musicBrainz, ImportParameters.defaults().decisions());

    static List<Double> lengths(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(Albums::seconds).toList();
    }

    @Test
    void recordingsNeedBothNamesCloseAndRankByNamesAndLength() {
        musicBrainz
                .recordingHit(new SearchHit("rec-far", "Oscillation", ARTIST, 0, 300_000, 100))
                .recordingHit(new SearchHit("rec-exact", "Oscillation", ARTIST, 0, 180_000, 90))
                .recordingHit(new SearchHit("rec-cover", "Oscillation", "Somebody Else", 0, 180_000, 95))
                .recordingHit(new SearchHit("rec-other", "Different Song", ARTIST, 0, 180_000, 95));

        List<ContextualMatcher.RecordingCandidate> ranked = matcher.rankRecordings(ARTIST, "Oscillation", 180);

        assertThat(ranked)
                .extracting(ContextualMatcher.RecordingCandidate::recordingMbid)
                .containsExactly("rec-exact", "rec-far");
        // 0.4 x artist 1 + 0.4 x title 1 + 0.2 x duration
        assertThat(ranked.get(0).score()).isCloseTo(1.0, within(1e-9));
        assertThat(ranked.get(1).score()).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void withoutArtistOrTitleNothingIsSearched() {
        assertThat(matcher.rankRecordings(null, "Oscillation", 180)).isEmpty();
        assertThat(matcher.rankRecordings(ARTIST, " ", 180)).isEmpty();
        assertThat(matcher.rankReleases(ARTIST, null, List.of(180.0), 1, 2)).isEmpty();
        assertThat(musicBrainz.calls).isEmpty();
    }

    @Test
    void aReleaseThatFitsTrackCountLengthsAndNamesScoresOne() {
        Release r = release("rel-a", "Waveforms", 4);

        assertThat(matcher.releaseScore(r, 4, lengths(4), ARTIST, "Waveforms")).isCloseTo(1.0, within(1e-9));
        // one track short: track count 0.5 x 0.4, the missing 240 s count whole (alignment 0), names 1 x 0.3
        double oneShort =
                matcher.releaseScore(r, 3, List.of(seconds(0), seconds(1), seconds(2), 0.0), ARTIST, "Waveforms");
        assertThat(oneShort).isCloseTo(0.5, within(1e-9));
        double names = ContextualScoring.metadataMatch(ARTIST, ARTIST, "Other Album", "Waveforms");
        assertThat(names).isLessThan(1);
        assertThat(matcher.releaseScore(r, 4, lengths(4), ARTIST, "Other Album"))
                .isCloseTo(0.4 + 0.3 + 0.3 * names, within(1e-9));
    }

    @Test
    void releasesAreLookedUpOnlyForGoodHitsOfAFittingTrackCountAndRankedByScore() {
        Release fits = release("rel-fits", "Waveforms", 4);
        Release longer = release("rel-longer", "Waveforms", 5);
        musicBrainz
                .release(longer)
                .release(fits)
                .releaseHit(new SearchHit("rel-weak", "Waveforms", ARTIST, 4, -1, 30))
                .releaseHit(new SearchHit("rel-box", "Waveforms", ARTIST, 40, -1, 100));

        List<ContextualMatcher.ReleaseCandidate> ranked = matcher.rankReleases(ARTIST, "Waveforms", lengths(4), 4, 5);

        assertThat(ranked).extracting(c -> c.release().releaseMbid()).containsExactly("rel-fits", "rel-longer");
        assertThat(ranked.get(0).score()).isGreaterThan(ranked.get(1).score());
        assertThat(musicBrainz.calls)
                .containsExactly("searchReleases Waveforms", "lookupRelease rel-longer", "lookupRelease rel-fits");

        musicBrainz.calls.clear();
        assertThat(matcher.rankReleases(ARTIST, "Waveforms", lengths(4), 4, 1)).hasSize(1);
        assertThat(musicBrainz.lookups()).isEqualTo(1);
    }
}
