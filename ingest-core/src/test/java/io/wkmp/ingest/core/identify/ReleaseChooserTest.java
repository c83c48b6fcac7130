package io.wkmp.ingest.core.identify;

import static io.wkmp.ingest.core.identify.Albums.match;
import static io.wkmp.ingest.core.identify.Albums.passage;
import static io.wkmp.ingest.core.identify.Albums.release;
import static io.wkmp.ingest.core.identify.Albums.seconds;
import static io.wkmp.ingest.core.identify.Albums.tags;
import static io.wkmp.ingest.core.identify.Albums.title;
import static io.wkmp.ingest.core.identify.Albums.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.wkmp.ingest.core.identification.PassageEvidence;
import io.wkmp.ingest.core.identify.TrackAligner.Alignment;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.port.AcoustIdMatch;
import io.wkmp.ingest.core.port.AcoustIdRelease;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one release a group belongs to: the fingerprints' vote, its tie-breaks, the tag release id, the search. */
class ReleaseChooserTest {
    static final String A = "rel-a";
    static final String B = "rel-b";
    static final String DECOY = "rel-decoy";

    final InProcessMusicBrainz musicBrainz = new InProcessMusicBrainz()
            .release(release(A, "Waveforms", 3))
            .release(release(B, "Waveforms (Deluxe)", 12))
            .release(release(DECOY, "Waveforms", 3));
    final ReleaseChooser chooser = new ReleaseChooser(
            musicBrainz,
            new ContextualMatcher(musicBrainz, ImportParameters.defaults().decisions()));
    final List<String> why = new ArrayList<>();

    Optional<Alignment> choose(List<PassageEvidence> ps, List<List<AcoustIdMatch>> matches) {
        return chooser.choose(ps, matches, why);
    }

    static List<PassageEvidence> album(String release, int n) {
        List<PassageEvidence> ps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ps.add(track(release, i));
        }
        return ps;
    }

    /** A's track {@code i}, which AcoustID also lists on B (the same recording on the deluxe edition). */
    static AcoustIdMatch onBoth(int i, double score) {
        return new AcoustIdMatch(
                Albums.rec(A, i),
                score,
                title(i),
                seconds(i),
                List.of(Albums.ARTIST),
                List.of(
                        new AcoustIdRelease(A, "rg", "Waveforms", 3, 1, i + 1),
                        new AcoustIdRelease(B, "rg", "Waveforms (Deluxe)", 12, 1, i + 1)));
    }

    @Test
    void theReleaseMostFingerprintsListWinsWithOneLookup() {
        List<List<AcoustIdMatch>> matches =
                List.of(List.of(match(A, 0, 3, 0.9)), List.of(match(A, 1, 3, 0.9)), List.of(match(B, 2, 12, 0.9)));

        Alignment a = choose(album(A, 3), matches).orElseThrow();

        assertThat(a.release().releaseMbid()).isEqualTo(A);
        assertThat(a.byFingerprint()).isEqualTo(2);
        assertThat(a.aligned()).as("the third by its track number").isEqualTo(3);
        assertThat(musicBrainz.calls).containsExactly("lookupRelease " + A);
        assertThat(why).contains("fingerprints vote for release " + A + " (2 of 3 passages)");
    }

    @Test
    void fingerprintsBelowTheFloorDoNotVote() {
        List<List<AcoustIdMatch>> matches = List.of(
                List.of(match(B, 0, 12, 0.4), match(A, 0, 3, 0.6)),
                List.of(match(B, 1, 12, 0.45)),
                List.of(match(B, 2, 12, 0.45)));

        assertThat(choose(album(A, 3), matches).orElseThrow().release().releaseMbid())
                .isEqualTo(A);
    }

    @Test
    void aTieGoesToTheTagsReleaseThenToTheTrackCountOfTheGroup() {
        List<List<AcoustIdMatch>> matches =
                List.of(List.of(onBoth(0, 0.9)), List.of(onBoth(1, 0.9)), List.of(onBoth(2, 0.9)));
        assertThat(choose(album(A, 3), matches).orElseThrow().release().releaseMbid())
                .as("3 passages, A has 3 tracks, B 12")
                .isEqualTo(A);

        List<PassageEvidence> taggedB = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            taggedB.add(passage(i, seconds(i), Albums.fp(A, i), tags(title(i), i + 1, null, B)));
        }
        musicBrainz.calls.clear();
        assertThat(choose(taggedB, matches).orElseThrow().release().releaseMbid())
                .isEqualTo(B);
        assertThat(musicBrainz.calls).containsExactly("lookupRelease " + B);
    }

    @Test
    void aDecoyReleaseNamedByTheTagsNeverWinsOverTheFingerprintedOne() {
        List<PassageEvidence> ps = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ps.add(passage(i, seconds(i), Albums.fp(A, i), tags(title(i), i + 1, Albums.rec(DECOY, i), DECOY)));
        }
        List<List<AcoustIdMatch>> matches =
                List.of(List.of(match(A, 0, 3, 0.9)), List.of(match(A, 1, 3, 0.9)), List.of(match(A, 2, 3, 0.9)));

        assertThat(choose(ps, matches).orElseThrow().release().releaseMbid()).isEqualTo(A);
        assertThat(musicBrainz.calls).containsExactly("lookupRelease " + A);
    }

    @Test
    void withoutFingerprintsTheTagsReleaseIdIsLookedUp() {
        List<PassageEvidence> ps = List.of(passage(0, seconds(0), null, tags(title(0), 1, null, A)));

        Alignment a = choose(ps, List.of(List.of())).orElseThrow();

        assertThat(a.release().releaseMbid()).isEqualTo(A);
        assertThat(a.tracks().get(0).position()).isEqualTo(1);
    }

    @Test
    void withoutFingerprintsOrIdsTheAlbumIsFoundBySearch() {
        List<PassageEvidence> ps = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ps.add(passage(i, seconds(i), null, tags(title(i), i + 1, null, null)));
        }
        List<List<AcoustIdMatch>> none = List.of(List.of(), List.of(), List.of());

        Alignment a = choose(ps, none).orElseThrow();

        assertThat(List.of(A, DECOY)).contains(a.release().releaseMbid());
        assertThat(a.aligned()).isEqualTo(3);
        assertThat(why).anyMatch(w -> w.startsWith("release found by album search"));
        assertThat(musicBrainz.calls.get(0)).isEqualTo("searchReleases Waveforms");
        assertThat(musicBrainz.lookups()).isEqualTo(1);
    }

    @Test
    void atMostTwoReleasesAreLookedUp() {
        List<List<AcoustIdMatch>> matches =
                List.of(List.of(match("rel-x", 0, 3, 0.9), match("rel-y", 0, 3, 0.8), match("rel-z", 0, 3, 0.7)));
        List<PassageEvidence> ps = List.of(passage(0, seconds(0), "fp", tags(title(0), 1, null, null)));

        assertThat(choose(ps, matches)).isEmpty();
        assertThat(musicBrainz.calls).containsExactly("lookupRelease rel-x", "lookupRelease rel-y");
        assertThat(why).contains("release rel-x is unknown to MusicBrainz", "no release matches the group");
    }

    @Test
    void theMajorityIgnoresBlanks() {
        List<PassageEvidence> ps = List.of(
                passage(0, 100, null, tags("a", 1, null, "x")),
                passage(1, 100, null, tags("b", 2, null, " ")),
                passage(2, 100, null, tags("c", 3, null, "y")),
                passage(3, 100, null, tags("d", 4, null, "y")));
        assertThat(ReleaseChooser.majority(ps, p -> p.tags().mbReleaseId())).isEqualTo("y");
        assertThat(ReleaseChooser.majority(ps, p -> null)).isNull();
    }
}
