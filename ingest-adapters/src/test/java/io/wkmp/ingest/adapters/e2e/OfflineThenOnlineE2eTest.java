package io.wkmp.ingest.adapters.e2e;

import static io.wkmp.ingest.adapters.e2e.E2eAlbum.TRACKS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wkmp.ingest.adapters.wiring.WkmpIngest;
import io.wkmp.ingest.core.session.SessionStatus;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 "offline then online": an import with no network (offline, or services on a closed port) and no AcoustID
 * key completes with passages, fingerprints and local flavour written and identification PENDING; a later run with
 * the services up and a key identifies them from the stored fingerprints without importing (decoding) any file
 * again. Without a key but with MusicBrainz up, fingerprinted passages stay PENDING (no tag-only identification).
 */
class OfflineThenOnlineE2eTest extends E2eBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path writeAlbum() {
        Path folder = root.resolve("The Synthesists/Waveforms");
        album.writeFolder(folder);
        return folder;
    }

    @Test
    void offlineImportLeavesPendingPassagesWithLocalFlavourAndALaterOnlineRunIdentifiesThemWithoutReimporting()
            throws Exception {
        pendingFirstThenIdentified(Fakes.offline(root), "offline");
    }

    @Test
    void servicesOnAClosedPortWithoutKeyLeavePendingPassagesAndALaterRunIdentifiesThem() throws Exception {
        pendingFirstThenIdentified(Fakes.unreachable(root), "no API key");
    }

    private void pendingFirstThenIdentified(WkmpIngest.Builder firstRun, String pendingReason) throws Exception {
        Path folder = writeAlbum();
        SessionStatus first = Imports.run(firstRun, folder);
        assertThat(first.filesImported()).isEqualTo(TRACKS);
        assertThat(first.pending()).isEqualTo(TRACKS);
        assertPendingWithLocalFlavour(pendingReason);

        identifiedLaterWithoutReimport(folder);
    }

    @Test
    void theLaterRunAsksAcoustIdAboutThePendingFingerprintsTogetherNotFileByFile() throws Exception {
        Path folder = writeAlbum();
        assertThat(Imports.run(Fakes.offline(root), folder).pending()).isEqualTo(TRACKS);
        fakes.reset();

        SessionStatus online;
        try (WkmpIngest ingest = fakes.online(root).build()) {
            online = Imports.run(ingest, folder);
        }

        assertThat(online.accepted()).isEqualTo(TRACKS);
        assertThat(fakes.acoustId.fingerprints()).isEqualTo(TRACKS);
        assertThat(fakes.acoustId.requests("lookup"))
                .as("%d stored fingerprints, one request (not one a file)", TRACKS)
                .isEqualTo(1);
    }

    @Test
    void withoutAKeyButWithMusicBrainzUpFingerprintedPassagesStayPendingAndMusicBrainzIsNotAsked() throws Exception {
        Path folder = writeAlbum();
        SessionStatus noKey = Imports.run(fakes.withoutKey(root), folder);
        System.out.printf("no AcoustID key, MusicBrainz up: %s; pending %d%n", fakes.counts(), noKey.pending());

        assertThat(noKey.pending()).isEqualTo(TRACKS);
        assertThat(fakes.acoustId.totalRequests() + fakes.musicBrainzRequests()).isZero();
        assertPendingWithLocalFlavour("AcoustID is skipped for this session (no API key)");
    }

    private void assertPendingWithLocalFlavour(String reason) throws Exception {
        try (LibraryDb db = new LibraryDb(root)) {
            assertThat(db.passages()).hasSize(TRACKS).allSatisfy(p -> {
                assertThat(p.get("identification_decision")).isEqualTo("PENDING");
                assertThat(p.get("recording_mbid")).isNull();
                assertThat(p.get("fingerprint")).asString().isNotBlank();
                assertThat(p.get("identification_evidence")).asString().contains(reason);
                JsonNode flavour = read(p.get("musical_flavor_vector"));
                assertThat(flavour.path("bpm").isNumber())
                        .as("local analysis writes bpm: %s", flavour)
                        .isTrue();
                assertThat(flavour.path("spectral_centroid_hz").asDouble()).isPositive();
            });
            assertThat(db.count("SELECT count(*) FROM songs")).isZero();
            assertThat(db.count("SELECT count(*) FROM passage_albums")).isZero();
        }
    }

    private void identifiedLaterWithoutReimport(Path folder) throws Exception {
        Map<Object, Object> flavourBefore = flavours();
        fakes.reset();
        SessionStatus online;
        try (WkmpIngest ingest = fakes.online(root).build()) {
            online = Imports.run(ingest, folder);
        }
        System.out.printf(
                "later online run over pending passages: %s; unchanged %d, imported %d, accepted %d%n",
                fakes.counts(), online.filesUnchanged(), online.filesImported(), online.accepted());

        assertThat(online.filesUnchanged()).as("nothing is decoded again").isEqualTo(TRACKS);
        assertThat(online.filesImported()).isZero();
        assertThat(online.accepted()).isEqualTo(TRACKS);
        assertThat(fakes.violations()).isZero();
        assertThat(fakes.musicBrainzRequests()).isLessThanOrEqualTo(2);
        assertThat(fakes.acousticBrainz.totalRequests())
                .as("one bulk request for the album's flavours")
                .isEqualTo(1);
        Imports.assertAlbumIdentified(root);
        assertThat(flavours()).as("the local flavour stays on the passages").isEqualTo(flavourBefore);
    }

    private Map<Object, Object> flavours() throws Exception {
        try (LibraryDb db = new LibraryDb(root)) {
            Map<Object, Object> out = new java.util.TreeMap<>();
            for (Map<String, Object> p : db.passages()) {
                out.put(p.get("path") + "@" + p.get("start_time_ticks"), p.get("musical_flavor_vector"));
            }
            return out;
        }
    }

    private static JsonNode read(Object json) {
        try {
            return JSON.readTree(String.valueOf(json));
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
