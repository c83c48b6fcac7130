package io.wkmp.ingest.adapters.identify;

import static io.wkmp.ingest.adapters.http.TestServices.params;
import static io.wkmp.ingest.adapters.identify.SynthAlbum.RELEASE;
import static io.wkmp.ingest.adapters.identify.SynthAlbum.STRANGER;
import static io.wkmp.ingest.adapters.identify.SynthAlbum.TRACKS;
import static io.wkmp.ingest.adapters.identify.SynthAlbum.rec;
import static io.wkmp.ingest.adapters.identify.SynthAlbum.title;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wkmp.ingest.adapters.acoustid.AcoustIdClient;
import io.wkmp.ingest.adapters.http.HttpSetup;
import io.wkmp.ingest.adapters.http.ServiceEndpoint;
import io.wkmp.ingest.adapters.http.ServiceEndpoints;
import io.wkmp.ingest.adapters.musicbrainz.MusicBrainzClient;
import io.wkmp.ingest.adapters.services.OutsideServices;
import io.wkmp.ingest.core.identification.Decision;
import io.wkmp.ingest.core.identification.GroupResult;
import io.wkmp.ingest.core.identification.IdentificationGroup;
import io.wkmp.ingest.core.identification.PassageEvidence;
import io.wkmp.ingest.core.identification.PassageResult;
import io.wkmp.ingest.core.identification.PathHints;
import io.wkmp.ingest.core.identify.ContextualMatcher;
import io.wkmp.ingest.core.identify.Identifier;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.pattern.GapPattern;
import io.wkmp.ingest.core.pattern.SegmentPattern;
import io.wkmp.ingest.core.pattern.SourceMedia;
import io.wkmp.ingest.core.port.AcoustIdService;
import io.wkmp.ingest.core.port.IdentifierSource;
import io.wkmp.ingest.core.tags.FileTags;
import io.wkmp.ingest.core.time.Ticks;
import io.wkmp.ingest.testkit.fakes.FakeAcoustIdServer;
import io.wkmp.ingest.testkit.fakes.FakeMusicBrainzServer;
import io.wkmp.ingest.testkit.fakes.InMemoryResponseCache;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Identifier against the fake services at their real rates, with real fpcalc fingerprints of synthesized audio. */
class IdentifierTest {
    private static final String KEY = "appKey123";
    private static SynthAlbum album;

    private FakeAcoustIdServer acoustIdFake;
    private FakeMusicBrainzServer musicBrainzFake;
    private InMemoryResponseCache cache;
    private ImportParameters params;
    private ServiceEndpoint acoustIdEndpoint;
    private ServiceEndpoint musicBrainzEndpoint;

    @BeforeAll
    static void synthesize(@TempDir Path dir) throws Exception {
        album = new SynthAlbum(dir);
    }

    @BeforeEach
    void start() {
        acoustIdFake = new FakeAcoustIdServer(album.catalog, Set.of(KEY));
        musicBrainzFake = new FakeMusicBrainzServer(album.catalog);
        cache = new InMemoryResponseCache();
        params = params("acoustid_base_url", acoustIdFake.apiUrl(), "musicbrainz_base_url", musicBrainzFake.apiUrl());
        acoustIdEndpoint = ServiceEndpoints.acoustId(params, HttpSetup.sharedClient(params));
        musicBrainzEndpoint = ServiceEndpoints.musicBrainz(params, HttpSetup.sharedClient(params));
    }

    @AfterEach
    void stop() {
        acoustIdFake.close();
        musicBrainzFake.close();
    }

    private Identifier identifier() {
        return new Identifier(
                Optional.of(new AcoustIdClient(acoustIdEndpoint, cache, KEY)),
                new MusicBrainzClient(musicBrainzEndpoint, cache),
                params.decisions());
    }

    private static FileTags tags(String title, Integer track, String mbRecording) {
        return new FileTags(
                title,
                "The Synthesists",
                "Waveforms",
                "The Synthesists",
                track,
                TRACKS,
                1,
                1,
                2024,
                null,
                -1,
                null,
                null,
                null,
                mbRecording,
                null,
                null,
                null,
                null);
    }

    private static PassageEvidence passage(int index, double seconds, String fp, FileTags tags) {
        return new PassageEvidence(index, Ticks.fromSeconds(seconds), fp, tags, PathHints.NONE);
    }

    private static List<PassageEvidence> folder() {
        List<PassageEvidence> ps = new ArrayList<>();
        for (int i = 0; i < TRACKS; i++) {
            ps.add(passage(i, album.seconds.get(i), album.fingerprints.get(i), tags(title(i), i + 1, null)));
        }
        return ps;
    }

    private static SegmentPattern singles(int n) {
        return new SegmentPattern(
                1, SourceMedia.UNKNOWN, GapPattern.NONE, List.of(30.0), Double.NaN, Double.NaN, 30, 0.5);
    }

    private static void assertAlbumAccepted(GroupResult r) {
        assertThat(r.release())
                .hasValueSatisfying(rel -> assertThat(rel.releaseMbid()).isEqualTo(RELEASE));
        for (int i = 0; i < TRACKS; i++) {
            PassageResult p = r.passages().get(i);
            assertThat(p.identification().decision())
                    .as("passage %d: %s", i, p.identification().evidence().reasons())
                    .isEqualTo(Decision.ACCEPT);
            assertThat(p.identification().recordingMbid()).isEqualTo(rec(i));
            assertThat(p.recording().orElseThrow().artists())
                    .extracting(a -> a.name())
                    .containsExactly("The Synthesists");
            assertThat(p.track().orElseThrow().position()).isEqualTo(i + 1);
        }
        assertThat(r.passages().get(0).recording().orElseThrow().works())
                .extracting(w -> w.title())
                .containsExactly("Oscillation Suite");
    }

    @Test
    void aFolderAlbumCostsOneAcoustIdAndOneMusicBrainzRequestAndNothingOnTheSecondRun() {
        GroupResult first = identifier().identify(new IdentificationGroup(folder(), singles(TRACKS), false));

        assertAlbumAccepted(first);
        assertThat(acoustIdFake.requests("lookup")).isEqualTo(1);
        assertThat(musicBrainzFake.totalRequests()).isLessThanOrEqualTo(2);
        assertThat(acoustIdFake.rateLimitViolations() + musicBrainzFake.rateLimitViolations())
                .isZero();
        System.out.printf(
                "folder album: AcoustID %s, MusicBrainz %s%n",
                acoustIdFake.requestCounts(), musicBrainzFake.requestCounts());

        acoustIdFake.resetCounters();
        musicBrainzFake.resetCounters();
        GroupResult second = identifier().identify(new IdentificationGroup(folder(), singles(TRACKS), false));
        assertThat(second).isEqualTo(first);
        assertThat(acoustIdFake.totalRequests() + musicBrainzFake.totalRequests())
                .isZero();
    }

    @Test
    void aMultiSegmentFileIsMatchedToOneReleaseWithTheMultiSegmentFormula() {
        List<PassageEvidence> ps = new ArrayList<>();
        FileTags fileTags = new FileTags(
                null,
                null,
                "Waveforms",
                "The Synthesists",
                null,
                null,
                null,
                null,
                null,
                null,
                -1,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        for (int i = 0; i < TRACKS; i++) {
            ps.add(passage(i, album.seconds.get(i) + 0.3, album.fingerprints.get(i), fileTags));
        }
        SegmentPattern pattern =
                new SegmentPattern(TRACKS, SourceMedia.CD, GapPattern.CONSISTENT, album.seconds, 2, 0.1, 230, 0.9);

        GroupResult r = identifier().identify(new IdentificationGroup(ps, pattern, true));

        assertAlbumAccepted(r);
        assertThat(r.passages().get(3).identification().evidence().reasons())
                .anyMatch(s -> s.contains("multi-segment"));
        assertThat(r.passages().get(3).identification().evidence().pattern()).isGreaterThan(0.85);
        assertThat(acoustIdFake.requests("lookup")).isEqualTo(1);
        assertThat(musicBrainzFake.totalRequests()).isLessThanOrEqualTo(2);
        assertThat(acoustIdFake.rateLimitViolations() + musicBrainzFake.rateLimitViolations())
                .isZero();
    }

    private static FileTags albumOnlyTags() {
        return new FileTags(
                null,
                null,
                "Waveforms",
                "The Synthesists",
                null,
                null,
                null,
                null,
                null,
                null,
                -1,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static SegmentPattern cd(List<Double> seconds) {
        return new SegmentPattern(seconds.size(), SourceMedia.CD, GapPattern.CONSISTENT, seconds, 2, 0.1, 230, 0.9);
    }

    private static String evidenceOf(PassageResult p) {
        return p.identification().decision() + " "
                + p.identification().evidence().reasons() + "\n"
                + p.identification().evidence().table();
    }

    @Test
    void aStrongPassageNextToAnUnmatchedSegmentAndAHiddenTrackKeepsItsDecision() {
        // one file: tracks 3 and 4 of Waveforms, a segment AcoustID does not know, then a hidden track that is on
        // another release only
        List<PassageEvidence> ps = List.of(
                passage(0, album.seconds.get(2), album.fingerprints.get(2), albumOnlyTags()),
                passage(1, album.seconds.get(3), album.fingerprints.get(3), albumOnlyTags()),
                passage(2, album.unknownSeconds, album.unknownFingerprint, albumOnlyTags()),
                passage(3, album.strangerSeconds, album.strangerFingerprint, albumOnlyTags()));
        GroupResult r = identifier()
                .identify(new IdentificationGroup(
                        ps,
                        cd(List.of(
                                album.seconds.get(2),
                                album.seconds.get(3),
                                album.unknownSeconds,
                                album.strangerSeconds)),
                        true));

        assertThat(r.release())
                .hasValueSatisfying(rel -> assertThat(rel.releaseMbid()).isEqualTo(RELEASE));
        for (int i = 0; i < 2; i++) {
            PassageResult strong = r.passages().get(i);
            assertThat(strong.identification().decision())
                    .as(evidenceOf(strong))
                    .isEqualTo(Decision.ACCEPT);
            assertThat(strong.identification().recordingMbid()).isEqualTo(rec(i + 2));
            assertThat(strong.track().orElseThrow().position()).isEqualTo(i + 3);
            assertThat(strong.identification().evidence().breakdown())
                    .extracting(c -> c.name())
                    .contains("contextual", "pattern", "fingerprint", "consistency", "strong_fingerprint");
        }

        PassageResult unknown = r.passages().get(2);
        assertThat(unknown.identification().decision()).as(evidenceOf(unknown)).isEqualTo(Decision.REJECT);
        assertThat(unknown.identification().recordingMbid()).isNull();
        assertThat(unknown.identification().evidence().reasons())
                .anyMatch(s -> s.contains("AcoustID knows no recording"));

        PassageResult hidden = r.passages().get(3);
        assertThat(hidden.identification().decision()).as(evidenceOf(hidden)).isEqualTo(Decision.ACCEPT);
        assertThat(hidden.identification().recordingMbid()).isEqualTo(STRANGER);
        assertThat(hidden.track()).as("not placed on a track of Waveforms").isEmpty();
        assertThat(hidden.identification().evidence().reasons())
                .anyMatch(s -> s.contains("identified on its own by fingerprint"));
    }

    @Test
    void theReleaseVoteDoesNotOverrideAPerfectFingerprint() {
        // a rip of Waveforms whose fifth segment is "Stranger": the release has 8 tracks, the file 8 segments, so
        // track order alone would put track 5 on it
        List<PassageEvidence> ps = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < TRACKS; i++) {
            boolean swapped = i == 4;
            double s = swapped ? album.strangerSeconds : album.seconds.get(i);
            seconds.add(s);
            ps.add(passage(i, s, swapped ? album.strangerFingerprint : album.fingerprints.get(i), albumOnlyTags()));
        }
        GroupResult r = identifier().identify(new IdentificationGroup(ps, cd(seconds), true));

        assertThat(r.release())
                .hasValueSatisfying(rel -> assertThat(rel.releaseMbid()).isEqualTo(RELEASE));
        PassageResult swapped = r.passages().get(4);
        assertThat(swapped.identification().decision()).as(evidenceOf(swapped)).isEqualTo(Decision.ACCEPT);
        assertThat(swapped.identification().recordingMbid()).isEqualTo(STRANGER);
        assertThat(swapped.identification().evidence().reasons())
                .anyMatch(s -> s.contains("not track 5 of the chosen release"));
        for (int i = 0; i < TRACKS; i++) {
            if (i != 4) {
                PassageResult p = r.passages().get(i);
                assertThat(p.identification().decision()).as(evidenceOf(p)).isEqualTo(Decision.ACCEPT);
                assertThat(p.identification().recordingMbid()).isEqualTo(rec(i));
            }
        }
    }

    @Test
    void untaggedAndWronglyTaggedFilesWithAStrongFingerprintAreAccepted() {
        FileTags wrong = new FileTags(
                "Completely Other Song",
                "Nobody",
                "Elsewhere",
                "Nobody",
                11,
                12,
                1,
                1,
                1999,
                null,
                -1,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        for (FileTags tags : List.of(FileTags.EMPTY, wrong)) {
            PassageResult p = identifier()
                    .identify(new IdentificationGroup(
                            List.of(passage(0, album.seconds.get(3), album.fingerprints.get(3), tags)),
                            singles(1),
                            false))
                    .passages()
                    .get(0);
            System.out.printf("tags %s:%n%s%n", tags.title(), evidenceOf(p));
            assertThat(p.identification().decision()).as(evidenceOf(p)).isEqualTo(Decision.ACCEPT);
            assertThat(p.identification().recordingMbid()).isEqualTo(rec(3));
            assertThat(p.identification().confidence()).isGreaterThanOrEqualTo(0.95);
            assertThat(p.identification().evidence().breakdown())
                    .anySatisfy(c -> {
                        assertThat(c.name()).isEqualTo("metadata");
                        assertThat(c.weight()).isEqualTo(0.3);
                        assertThat(c.value()).isLessThan(0.5);
                    })
                    .anySatisfy(c -> {
                        assertThat(c.name()).isEqualTo("strong_fingerprint");
                        assertThat(c.reason()).contains("ACCEPT whatever the tags say");
                    });
        }
    }

    @Test
    void aDecoyReleaseWithTheSameTitleNeverWinsOverTheFingerprintedOneNorDoesATagIdThatTheFingerprintContradicts() {
        acoustIdFake.close();
        musicBrainzFake.close();
        acoustIdFake = new FakeAcoustIdServer(album.catalogWithDecoy, Set.of(KEY));
        musicBrainzFake = new FakeMusicBrainzServer(album.catalogWithDecoy);
        params = params("acoustid_base_url", acoustIdFake.apiUrl(), "musicbrainz_base_url", musicBrainzFake.apiUrl());
        acoustIdEndpoint = ServiceEndpoints.acoustId(params, HttpSetup.sharedClient(params));
        musicBrainzEndpoint = ServiceEndpoints.musicBrainz(params, HttpSetup.sharedClient(params));

        // a lone file tagged as track 4 of "Waveforms" whose tag recording id is the decoy's "Oscillation 4"
        GroupResult lone = identifier()
                .identify(new IdentificationGroup(
                        List.of(passage(
                                0,
                                album.seconds.get(3),
                                album.fingerprints.get(3),
                                tags(title(3), 4, SynthAlbum.decoyRec(3)))),
                        singles(1),
                        false));
        PassageResult tagged = lone.passages().get(0);
        assertThat(tagged.identification().recordingMbid())
                .as(evidenceOf(tagged))
                .isEqualTo(rec(3));
        assertThat(tagged.identification().decision())
                .as("the contradicting tag id is contrary evidence")
                .isEqualTo(Decision.REVIEW);
        assertThat(tagged.identification().evidence().candidates())
                .as("the candidates a person reviewing it sees, best fingerprint first")
                .first()
                .satisfies(c -> {
                    assertThat(c.recordingMbid()).isEqualTo(rec(3));
                    assertThat(c.fingerprintScore()).isGreaterThan(0.9);
                    assertThat(c.durationDeltaSeconds()).isBetween(-2.0, 2.0);
                });
        assertThat(lone.release())
                .hasValueSatisfying(rel -> assertThat(rel.releaseMbid()).isEqualTo(RELEASE));

        // the whole album as one file: the fingerprinted release, every track
        List<PassageEvidence> ps = new ArrayList<>();
        for (int i = 0; i < TRACKS; i++) {
            ps.add(passage(i, album.seconds.get(i), album.fingerprints.get(i), albumOnlyTags()));
        }
        GroupResult rip = identifier().identify(new IdentificationGroup(ps, cd(album.seconds), true));
        assertAlbumAccepted(rip);
    }

    @Test
    void neitherAContradictingTagNorAnUnknownSongIsAcceptedWithAWrongId() {
        List<PassageEvidence> ps = folder();
        ps.set(4, passage(4, album.seconds.get(4), album.fingerprints.get(4), tags("Stranger", 5, STRANGER)));
        ps.add(passage(TRACKS, album.unknownSeconds, album.unknownFingerprint, tags("Bonus", TRACKS + 1, null)));

        GroupResult r = identifier().identify(new IdentificationGroup(ps, singles(ps.size()), false));

        PassageResult contradicted = r.passages().get(4);
        assertThat(contradicted.identification().decision()).isNotEqualTo(Decision.ACCEPT);
        assertThat(contradicted.identification().recordingMbid()).isIn(rec(4), null);
        assertThat(contradicted.identification().evidence().reasons())
                .anyMatch(s -> s.contains("tags name recording " + STRANGER) && s.contains("not trusted"));
        PassageResult unknown = r.passages().get(TRACKS);
        assertThat(unknown.identification().decision()).isEqualTo(Decision.REJECT);
        assertThat(unknown.identification().recordingMbid()).isNull();
        assertThat(unknown.identification().evidence().reasons())
                .anyMatch(s -> s.contains("AcoustID knows no recording"));
        assertThat(r.passages().get(0).identification().decision()).isEqualTo(Decision.ACCEPT);
    }

    @Test
    void aTagIdThatAgreesWithTheFingerprintIsNotedAsEvidence() {
        List<PassageEvidence> ps = folder();
        ps.set(2, passage(2, album.seconds.get(2), album.fingerprints.get(2), tags(title(2), 3, rec(2))));
        PassageResult r = identifier()
                .identify(new IdentificationGroup(ps, singles(TRACKS), false))
                .passages()
                .get(2);
        assertThat(r.identification().decision()).isEqualTo(Decision.ACCEPT);
        assertThat(r.identification().evidence().reasons()).contains("tag recording id agrees with the match");
    }

    @Test
    void offlineNoKeyOrAServiceDownLeavesEveryPassagePendingAndALaterRunFinishes() {
        ImportParameters dead = params(
                "acoustid_base_url",
                "http://127.0.0.1:9/v2",
                "musicbrainz_base_url",
                "http://127.0.0.1:9/ws/2",
                "acoustid_rate_limit_ms",
                "0",
                "musicbrainz_rate_limit_ms",
                "0");
        Identifier offline = new Identifier(
                Optional.of(
                        new AcoustIdClient(ServiceEndpoints.acoustId(dead, HttpSetup.sharedClient(dead)), cache, KEY)),
                new MusicBrainzClient(ServiceEndpoints.musicBrainz(dead, HttpSetup.sharedClient(dead)), cache),
                dead.decisions());
        GroupResult r = offline.identify(new IdentificationGroup(folder(), singles(TRACKS), false));
        assertThat(r.pending()).isTrue();
        assertThat(r.release()).isEmpty();
        assertThat(r.passages().get(0).identification().evidence().reasons().get(0))
                .contains("AcoustID unreachable");

        Identifier noKey =
                new Identifier(Optional.empty(), new MusicBrainzClient(musicBrainzEndpoint, cache), params.decisions());
        GroupResult skipped = noKey.identify(new IdentificationGroup(folder(), singles(TRACKS), false));
        assertThat(skipped.pending()).isTrue();
        assertThat(skipped.passages()
                        .get(7)
                        .identification()
                        .evidence()
                        .reasons()
                        .get(0))
                .contains("no API key");

        Identifier musicBrainzDown = new Identifier(
                Optional.of(new AcoustIdClient(acoustIdEndpoint, cache, KEY)),
                new MusicBrainzClient(ServiceEndpoints.musicBrainz(dead, HttpSetup.sharedClient(dead)), cache),
                params.decisions());
        GroupResult half = musicBrainzDown.identify(new IdentificationGroup(folder(), singles(TRACKS), false));
        assertThat(half.pending()).isTrue();
        assertThat(half.passages().get(0).identification().evidence().reasons().get(0))
                .contains("MusicBrainz unreachable");
        assertThat(acoustIdFake.requests("lookup")).isEqualTo(1);

        assertAlbumAccepted(identifier().identify(new IdentificationGroup(folder(), singles(TRACKS), false)));
        assertThat(acoustIdFake.requests("lookup"))
                .as("AcoustID answers were cached by the half-offline run")
                .isEqualTo(1);
        assertThat(musicBrainzFake.rateLimitViolations()).isZero();
    }

    @Test
    void anInvalidKeyEscapesSoTheSessionCanPause() {
        acoustIdFake.faults().refuseKey(true);
        assertThatThrownBy(() -> identifier().identify(new IdentificationGroup(folder(), singles(TRACKS), false)))
                .isInstanceOf(AcoustIdService.InvalidApiKeyException.class);
    }

    @Test
    void withoutFingerprintsTheAlbumIsFoundBySearchAndTracksByNumber() {
        List<PassageEvidence> ps = new ArrayList<>();
        for (int i = TRACKS - 1; i >= 0; i--) {
            ps.add(passage(TRACKS - 1 - i, album.seconds.get(i), null, tags(title(i), i + 1, null)));
        }
        GroupResult r = identifier().identify(new IdentificationGroup(ps, singles(TRACKS), false));

        assertThat(r.release())
                .hasValueSatisfying(rel -> assertThat(rel.releaseMbid()).isEqualTo(RELEASE));
        assertThat(r.passages().get(0).identification().evidence().reasons())
                .anyMatch(s -> s.contains("album search"))
                .anyMatch(s -> s.contains("by track number"));
        assertThat(musicBrainzFake.requestCounts())
                .containsEntry("release-search", 1)
                .containsEntry("release", 1);
        assertThat(acoustIdFake.totalRequests()).isZero();
    }

    @Test
    void workersSharingTheWiredServicesNeverExceedTheRates() throws Exception {
        OutsideServices services = new OutsideServices(params, new InMemoryResponseCache());
        IdentifierSource.GroupIdentifier shared = services.identifiers(params, () -> Optional.of(KEY))
                .identifier(true)
                .orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<GroupResult>> results = new ArrayList<>();
        try {
            for (int w = 0; w < 4; w++) {
                List<PassageEvidence> ps = new ArrayList<>();
                for (int i = 0; i < TRACKS; i++) {
                    // durations differ a little per worker: most workers miss the AcoustID cache and query at the same
                    // time
                    ps.add(passage(
                            i, album.seconds.get(i) + w * 0.6, album.fingerprints.get(i), tags(title(i), i + 1, null)));
                }
                results.add(pool.submit(() -> shared.identify(new IdentificationGroup(ps, singles(TRACKS), false))));
            }
            for (Future<GroupResult> f : results) {
                assertAlbumAccepted(f.get());
            }
        } finally {
            pool.shutdown();
        }
        System.out.printf(
                "4 workers: AcoustID %s (%d violations), MusicBrainz %s%n",
                acoustIdFake.requestCounts(), acoustIdFake.rateLimitViolations(), musicBrainzFake.requestCounts());
        assertThat(acoustIdFake.requests("lookup")).isBetween(3, 4);
        assertThat(musicBrainzFake.requests("release")).isBetween(1, 4);
        assertThat(acoustIdFake.violationDetails()).isEmpty();
        assertThat(musicBrainzFake.violationDetails()).isEmpty();
    }

    @Test
    void contextualMatcherRanksRecordingsByNamesAndDuration() {
        ContextualMatcher m =
                new ContextualMatcher(new MusicBrainzClient(musicBrainzEndpoint, cache), params.decisions());
        List<ContextualMatcher.RecordingCandidate> c = m.rankRecordings("Synthesists", title(3), album.seconds.get(3));
        assertThat(c).isNotEmpty();
        assertThat(c.get(0).recordingMbid()).isEqualTo(rec(3));
        assertThat(c.get(0).score()).isGreaterThan(0.9);
    }
}
