package io.wkmp.ingest.adapters.e2e;

import static io.wkmp.ingest.adapters.e2e.E2eAlbum.STRANGER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wkmp.ingest.core.session.SessionStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The wrong-match guard through the import: a track whose MUSICBRAINZ_TRACKID names another catalogued recording
 * than its fingerprint, and a bonus track the catalogue does not know (tagged as part of the album), are not
 * ACCEPTed with a wrong MBID, and their stored evidence says why; the album's other tracks still are.
 */
class WrongMatchE2eTest extends E2eBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONTRADICTED = 2;

    @Test
    void aContradictingTagIdAndAnUnknownSongAreNotAcceptedAndTheirEvidenceSaysWhy() throws Exception {
        Path folder = root.resolve("The Synthesists/Waveforms");
        album.writeTrack(folder, 0, E2eAlbum.tags(0));
        Map<String, String> wrongId = E2eAlbum.tags(CONTRADICTED);
        wrongId.put(
                E2eAlbum.format(CONTRADICTED).extension().equals("flac")
                        ? "MUSICBRAINZ_TRACKID"
                        : "MusicBrainz Track Id",
                STRANGER);
        album.writeTrack(folder, CONTRADICTED, wrongId);
        Map<String, String> bonus = E2eAlbum.tags(0);
        bonus.put("title", "Bonus Oscillation");
        bonus.put("track", "9/9");
        album.writeUnknown(folder, "09 - Bonus Oscillation.mp3", bonus);

        SessionStatus s = Imports.run(fakes.online(root), folder);
        System.out.printf(
                "wrong-match guard: %s; status accepted %d review %d rejected %d pending %d%n",
                fakes.counts(), s.accepted(), s.review(), s.rejected(), s.pending());

        try (LibraryDb db = new LibraryDb(root)) {
            List<Map<String, Object>> ps = db.passages();
            assertThat(ps)
                    .extracting(p -> p.get("path").toString().replaceFirst(".*/", ""))
                    .containsExactly(
                            "01 - Oscillation 1.flac", "03 - Oscillation 3.flac", "09 - Bonus Oscillation.mp3");
            assertThat(ps.get(0).get("identification_decision")).isEqualTo("ACCEPT");
            assertThat(ps.get(0).get("recording_mbid")).isEqualTo(E2eAlbum.rec(0));

            Map<String, Object> contradicted = ps.get(1);
            assertThat(contradicted.get("identification_decision")).isNotEqualTo("ACCEPT");
            assertThat(contradicted.get("recording_mbid")).isIn(E2eAlbum.rec(CONTRADICTED), null);
            assertThat(reasons(contradicted))
                    .anyMatch(r -> r.contains("tags name recording " + STRANGER) && r.contains("not trusted"));
            assertThat(db.count("SELECT count(*) FROM songs WHERE recording_mbid = ?", STRANGER))
                    .isZero();

            Map<String, Object> unknown = ps.get(2);
            assertThat(unknown.get("identification_decision")).isEqualTo("REJECT");
            assertThat(unknown.get("recording_mbid")).isNull();
            assertThat(reasons(unknown))
                    .isNotEmpty()
                    .anyMatch(r -> r.contains("AcoustID knows no recording"))
                    // the lone file's album search uses its track total, so it finds the album it belongs to
                    .anyMatch(r -> r.contains("\"Waveforms\": 0 of 1 passages aligned"));
            assertThat(db.count("SELECT count(*) FROM passage_songs WHERE passage_id = ?", unknown.get("guid")))
                    .isZero();
            assertThat(db.count("SELECT count(*) FROM passage_albums WHERE passage_id = ?", unknown.get("guid")))
                    .isZero();
        }
        assertThat(fakes.violations()).isZero();
        assertThat(fakes.musicBrainz.requests("release"))
                .as("Waveforms once for all workers; the search finds it in the cache")
                .isEqualTo(1);
    }

    private static List<String> reasons(Map<String, Object> passage) throws Exception {
        JsonNode evidence = JSON.readTree(passage.get("identification_evidence").toString());
        List<String> out = new ArrayList<>();
        evidence.path("reasons").forEach(r -> out.add(r.asText()));
        System.out.printf(
                "evidence of %s: %s %s%n",
                passage.get("path"), evidence.path("decision").asText(), out);
        return out;
    }
}
