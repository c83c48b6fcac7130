package io.wkmp.ingest.core.identify;

import static io.wkmp.ingest.core.identify.Albums.match;
import static io.wkmp.ingest.core.identify.Albums.passage;
import static io.wkmp.ingest.core.identify.Albums.rec;
import static io.wkmp.ingest.core.identify.Albums.recording;
import static io.wkmp.ingest.core.identify.Albums.release;
import static io.wkmp.ingest.core.identify.Albums.seconds;
import static io.wkmp.ingest.core.identify.Albums.tags;
import static io.wkmp.ingest.core.identify.Albums.title;
import static io.wkmp.ingest.core.identify.Albums.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.identification.Decision;
import io.wkmp.ingest.core.identification.EvidenceSummary;
import io.wkmp.ingest.core.identification.GroupResult;
import io.wkmp.ingest.core.identification.IdentificationGroup;
import io.wkmp.ingest.core.identification.PassageEvidence;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.port.AcoustIdMatch;
import io.wkmp.ingest.core.port.AcoustIdService;
import io.wkmp.ingest.core.port.FingerprintQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A group identified against in-process fakes of AcoustID and MusicBrainz: what it costs, how the release and each
 * passage are decided, and what happens when a service cannot be used. (The adapters' IdentifierTest runs the same
 * against the HTTP fakes and real fingerprints.)
 */
class IdentifierTest {
    static final String A = "rel-a";
    static final String STRANGER = "rec-stranger";

    final InProcessAcoustId acoustId = new InProcessAcoustId();
    final InProcessMusicBrainz musicBrainz = new InProcessMusicBrainz().release(release(A, "Waveforms", 3));

    Identifier identifier() {
        return new Identifier(
                Optional.of(acoustId), musicBrainz, ImportParameters.defaults().decisions());
    }

    /** AcoustID knows A's three tracks at {@code score}. */
    void fingerprinted(double score) {
        for (int i = 0; i < 3; i++) {
            acoustId.knows(Albums.fp(A, i), match(A, i, 3, score));
        }
    }

    static List<PassageEvidence> folder() {
        List<PassageEvidence> ps = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ps.add(track(A, i));
        }
        return ps;
    }

    static IdentificationGroup singles(List<PassageEvidence> ps) {
        return new IdentificationGroup(ps, Albums.pattern(ps.size()), false);
    }

    static List<Decision> decisions(GroupResult r) {
        return r.passages().stream().map(p -> p.identification().decision()).toList();
    }

    static List<String> recordings(GroupResult r) {
        return r.passages().stream()
                .map(p -> p.identification().recordingMbid())
                .toList();
    }

    @Test
    void aFolderAlbumCostsOneAcoustIdRequestAndOneReleaseLookup() {
        fingerprinted(0.9);

        GroupResult r = identifier().identify(singles(folder()));

        assertThat(decisions(r)).containsOnly(Decision.ACCEPT);
        assertThat(recordings(r)).containsExactly(rec(A, 0), rec(A, 1), rec(A, 2));
        assertThat(r.release())
                .hasValueSatisfying(rel -> assertThat(rel.releaseMbid()).isEqualTo(A));
        assertThat(r.passages().get(1).track())
                .hasValueSatisfying(t -> assertThat(t.position()).isEqualTo(2));
        assertThat(acoustId.requests).hasSize(1);
        assertThat(acoustId.requests.get(0))
                .extracting(FingerprintQuery::durationSeconds)
                .containsExactly(180, 200, 220);
        assertThat(musicBrainz.calls).containsExactly("lookupRelease " + A);
        assertThat(r.pending()).isFalse();
    }

    @Test
    void aMultiSegmentFileIsDecidedByTheMultiSegmentFormula() {
        fingerprinted(0.9);

        GroupResult r = identifier().identify(new IdentificationGroup(folder(), Albums.pattern(3), true));

        assertThat(decisions(r)).containsOnly(Decision.ACCEPT);
        // contextual 1 and pattern 1 (names, count and lengths fit): 0.2 + 0.2 + 0.6 x 0.9
        assertThat(r.passages()).allSatisfy(p -> {
            assertThat(p.identification().confidence()).isBetween(0.9399, 0.9401);
            assertThat(p.identification().evidence().breakdown())
                    .extracting(EvidenceSummary.Component::name)
                    .contains("contextual", "pattern", "fingerprint", "consistency");
        });
    }

    @Test
    void aPassageWhoseOwnStrongFingerprintNamesAnotherRecordingIsIdentifiedOnItsOwn() {
        fingerprinted(0.9);
        acoustId.knows(
                Albums.fp(A, 2),
                new AcoustIdMatch(STRANGER, 0.97, "Stranger", seconds(2), List.of("Someone"), List.of()));
        musicBrainz.recording(new io.wkmp.ingest.core.catalog.Recording(
                STRANGER,
                "Stranger",
                Math.round(seconds(2) * 1000),
                recording(A, 2).artists(),
                List.of()));

        GroupResult r = identifier().identify(singles(folder()));

        assertThat(recordings(r)).containsExactly(rec(A, 0), rec(A, 1), STRANGER);
        assertThat(decisions(r)).containsOnly(Decision.ACCEPT);
        assertThat(r.passages().get(2).track()).isEmpty();
        assertThat(r.passages().get(2).identification().evidence().reasons())
                .anyMatch(s -> s.contains("identified on its own by fingerprint"));
        assertThat(musicBrainz.calls).contains("lookupRecording " + STRANGER);
    }

    @Test
    void aPassageOnNoTrackWithAnUnknownFingerprintIsRejectedAndItsSiblingsKeepTheirs() {
        fingerprinted(0.9);
        List<PassageEvidence> ps = folder();
        ps.add(passage(3, 95, "fp-bonus", tags("Bonus", 9, null, null)));

        GroupResult r = identifier().identify(singles(ps));

        assertThat(decisions(r)).containsExactly(Decision.ACCEPT, Decision.ACCEPT, Decision.ACCEPT, Decision.REJECT);
        assertThat(r.passages().get(3).identification().evidence().reasons())
                .contains("AcoustID knows no recording with this fingerprint, and no release track matches");
    }

    @Test
    void aTagIdTheStrongFingerprintContradictsIsReviewedNotAccepted() {
        fingerprinted(0.97);
        List<PassageEvidence> ps =
                List.of(passage(0, seconds(0), Albums.fp(A, 0), tags(title(0), 1, "rec-decoy-0", null)));

        GroupResult r = identifier().identify(singles(ps));

        assertThat(r.passages().get(0).identification().decision()).isEqualTo(Decision.REVIEW);
        assertThat(r.passages().get(0).identification().recordingMbid()).isEqualTo(rec(A, 0));
    }

    @Test
    void withoutAKeyOrWithAServiceDownEveryPassageIsPendingWithTheCause() {
        GroupResult noKey = new Identifier(
                        Optional.empty(),
                        musicBrainz,
                        ImportParameters.defaults().decisions())
                .identify(singles(folder()));
        assertThat(decisions(noKey)).containsOnly(Decision.PENDING);
        assertThat(noKey.pendingCause()).isEqualTo(ErrorCode.ACOUSTID_INVALID_KEY);

        fingerprinted(0.9);
        musicBrainz.down();
        GroupResult mbDown = identifier().identify(singles(folder()));
        assertThat(mbDown.pending()).isTrue();
        assertThat(mbDown.pendingCause()).isEqualTo(ErrorCode.MBID_LOOKUP_FAILED);
        assertThat(mbDown.passages().get(0).identification().evidence().reasons())
                .containsExactly("identification pending: MusicBrainz did not answer");

        acoustId.down();
        assertThat(identifier().identify(singles(folder())).pendingCause()).isEqualTo(ErrorCode.ACOUSTID_LOOKUP_FAILED);
    }

    @Test
    void withoutFingerprintsAndWithoutAKeyTheAlbumIsStillFoundByItsTags() {
        List<PassageEvidence> ps = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ps.add(passage(i, seconds(i), null, tags(title(i), i + 1, null, null)));
        }

        GroupResult r = new Identifier(
                        Optional.empty(),
                        musicBrainz,
                        ImportParameters.defaults().decisions())
                .identify(singles(ps));

        assertThat(r.pending()).isFalse();
        assertThat(r.release())
                .hasValueSatisfying(rel -> assertThat(rel.releaseMbid()).isEqualTo(A));
        assertThat(r.passages().get(1).identification().evidence().reasons())
                .contains("aligned to track 2 \"" + title(1) + "\" by track number");
        // names, lengths and the album fit, but without a fingerprint: 0.3 x 1 + 0.1 x 1 is short of REVIEW
        assertThat(decisions(r)).containsOnly(Decision.REJECT);
        assertThat(r.passages().get(0).identification().confidence()).isBetween(0.3999, 0.4001);
        assertThat(decisions(identifier().identify(singles(ps)))).containsOnly(Decision.REJECT);
        assertThat(acoustId.requests).as("nothing to look up").isEmpty();
    }

    @Test
    void anInvalidKeyEscapesSoTheSessionCanPause() {
        acoustId.refusingTheKey();
        assertThatThrownBy(() -> identifier().identify(singles(folder())))
                .isInstanceOf(AcoustIdService.InvalidApiKeyException.class);
    }
}
