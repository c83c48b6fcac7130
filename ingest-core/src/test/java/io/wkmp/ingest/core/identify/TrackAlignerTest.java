package io.wkmp.ingest.core.identify;

import static org.assertj.core.api.Assertions.assertThat;

import io.wkmp.ingest.core.catalog.ArtistCredit;
import io.wkmp.ingest.core.catalog.Medium;
import io.wkmp.ingest.core.catalog.Recording;
import io.wkmp.ingest.core.catalog.Release;
import io.wkmp.ingest.core.catalog.Track;
import io.wkmp.ingest.core.identification.PassageEvidence;
import io.wkmp.ingest.core.identification.PathHints;
import io.wkmp.ingest.core.identify.TrackAligner.Via;
import io.wkmp.ingest.core.port.AcoustIdMatch;
import io.wkmp.ingest.core.tags.FileTags;
import io.wkmp.ingest.core.time.Ticks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackAlignerTest {
    private static Track track(int disc, int pos) {
        String id = "r" + disc + pos;
        return new Track(
                "t" + disc + pos,
                pos,
                String.valueOf(pos),
                "T" + disc + pos,
                200_000,
                new Recording(id, "T" + disc + pos, 200_000, List.of(new ArtistCredit("a", "A", "")), List.of()));
    }

    private static final Release TWO_DISCS = new Release(
            "rel",
            "Double",
            "2000",
            "rg",
            List.of(),
            List.of(
                    new Medium(1, "CD", List.of(track(1, 1), track(1, 2))),
                    new Medium(2, "CD", List.of(track(2, 1), track(2, 2)))));

    private static PassageEvidence passage(int index, Integer disc, Integer number) {
        FileTags t = new FileTags(
                null, null, null, null, number, null, disc, 2, null, null, -1, null, null, null, null, null, null, null,
                null);
        return new PassageEvidence(index, Ticks.fromSeconds(200), "fp", t, PathHints.NONE);
    }

    private static AcoustIdMatch match(String recording, double score) {
        return new AcoustIdMatch(recording, score, null, 200, List.of(), List.of());
    }

    @Test
    void fingerprintBeatsTrackNumbersAndDiscNumbersPickTheMedium() {
        List<PassageEvidence> ps = List.of(passage(0, 2, 1), passage(1, 1, 2), passage(2, 2, 2));
        List<List<AcoustIdMatch>> ms = new ArrayList<>();
        ms.add(List.of());
        ms.add(List.of(match("r11", 0.95)));
        ms.add(List.of(match("r22", 0.3)));

        TrackAligner.Alignment a = TrackAligner.align(TWO_DISCS, ps, ms);

        assertThat(a.tracks()).extracting(Track::trackMbid).containsExactly("t21", "t11", "t22");
        assertThat(a.via()).containsExactly(Via.TRACK_NUMBER, Via.FINGERPRINT, Via.TRACK_NUMBER);
        assertThat(a.byFingerprint()).isEqualTo(1);
    }

    @Test
    void orderIsUsedOnlyWhenTheCountsAgreeAndNoTrackIsUsedTwice() {
        List<PassageEvidence> four =
                List.of(passage(0, null, null), passage(1, null, null), passage(2, null, 1), passage(3, null, null));
        List<List<AcoustIdMatch>> none = List.of(List.of(), List.of(), List.of(), List.of());
        TrackAligner.Alignment a = TrackAligner.align(TWO_DISCS, four, none);
        assertThat(a.tracks()).extracting(Track::trackMbid).containsExactly("t12", "t21", "t11", "t22");
        assertThat(a.aligned()).isEqualTo(4);

        TrackAligner.Alignment three = TrackAligner.align(TWO_DISCS, four.subList(0, 3), none.subList(0, 3));
        assertThat(three.via()).containsExactly(Via.NONE, Via.NONE, Via.TRACK_NUMBER);
    }
}
