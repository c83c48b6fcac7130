package io.wkmp.ingest.adapters.bench.realmusic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wkmp.ingest.adapters.bench.realmusic.IdentifyEvaluation.Written;
import io.wkmp.ingest.testkit.fakes.FakeCatalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scoring rules of the real-music benchmark, on a hand-made manifest and hand-made written passages. */
class IdentifyEvaluationTest {
    private static final String A = "a0000000-0000-4000-8000-00000000000a";
    private static final String B = "b0000000-0000-4000-8000-00000000000b";
    private static final String C = "c0000000-0000-4000-8000-00000000000c";

    private static Manifest.Passage p(double start, double end, String expect) {
        return new Manifest.Passage(start, end, expect, expect.substring(0, 1), null);
    }

    private static Written w(double start, double end, String decision, String recording) {
        return new Written(start, end, decision, recording, 0.9);
    }

    @Test
    void scoresDecisionsRecordingsAndBoundaries() throws Exception {
        Manifest m = new Manifest(
                1,
                "library",
                "catalogue.json",
                List.of(),
                List.of(
                        new Manifest.FileEntry("right.flac", "album", "flac", 60, "", "rel", List.of(p(0, 60, A))),
                        new Manifest.FileEntry("wrong.mp3", "album", "mp3", 60, "", "rel", List.of(p(0, 60, A))),
                        // a quiet intro split off: two written passages mostly inside one expected passage
                        new Manifest.FileEntry("intro.m4a", "quiet-intro", "m4a", 60, "", null, List.of(p(0, 60, B))),
                        // a rip whose two songs were written as one passage, plus a passage in nothing expected
                        new Manifest.FileEntry(
                                "rip.flac", "rip", "flac", 200, "", "rel", List.of(p(0, 60, A), p(62, 120, B))),
                        new Manifest.FileEntry(
                                "unknown.ogg",
                                "unidentifiable",
                                "ogg",
                                30,
                                "",
                                null,
                                List.of(p(0, 30, Manifest.UNIDENTIFIABLE))),
                        new Manifest.FileEntry("gone.wav", "album", "wav", 30, "", "rel", List.of(p(0, 30, C)))));
        Map<String, List<Written>> written = Map.of(
                "music/right.flac", List.of(w(0.5, 60, "ACCEPT", A)),
                "music/wrong.mp3", List.of(w(0, 60, "ACCEPT", B)),
                "music/intro.m4a", List.of(w(0, 1.3, "REJECT", null), w(2.1, 60, "REVIEW", B)),
                "music/rip.flac", List.of(w(0, 120, "ACCEPT", A), w(150, 190, "REJECT", null)),
                "music/unknown.ogg", List.of(w(0, 30, "ACCEPT", C)));
        FakeCatalog catalog = FakeCatalog.builder()
                .artist("x", "X")
                .recording(A, "Alpha", 60_000, "x", null, null)
                .recording(B, "Beta", 60_000, "x", null, null)
                .recording(C, "Gamma", 30_000, "x", null, null)
                .build();
        String requests = """
                {"acoustid": {"requests": {"lookup": 3}, "total": 3, "fingerprints": 41, "rate_violations": 0},
                 "musicbrainz": {"requests": {"release": 2}, "total": 2, "rate_violations": 1},
                 "acousticbrainz": {"requests": {}, "total": 0, "rate_violations": 0},
                 "coverart": {"requests": {}, "total": 0, "rate_violations": 0}}""";

        String r = IdentifyEvaluation.report(m, catalog, written, new ObjectMapper().readTree(requests));

        assertThat(r)
                .contains("identifiable passages: 6 (in 6 files; 1 files have no passage written)")
                .contains("ACCEPTed, right recording: 2 (33.3 %)") // right.flac and rip.flac's first song
                .contains("ACCEPTed, WRONG recording: 2") // wrong.mp3, and rip.flac's second song (merged: A)
                .contains("REVIEW: 1 (right recording in 1)")
                .contains("no passage written: 1")
                .contains("unidentifiable passages: 1, wrongly ACCEPTed: 1")
                .contains("1 expected passages split, 2 merged with a neighbour, 1 extra written passages")
                .contains(
                        "AcoustID: 3 lookups carrying 41 fingerprints (13.7 a lookup; target <= fingerprints/20 + 1 = 3)")
                .contains("MusicBrainz: 2 requests {\"release\":2} (2.0 per album, 1 albums in the library)")
                .contains("rate violations: acoustid 0 musicbrainz 1 acousticbrainz 0 coverart 0")
                .contains("| quiet-intro | 1 | 1 | 0 | 0.0 % | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | 0 |")
                .contains("| **total** | 6 | 6 | 2 | 33.3 % | 2 | 1 | 0 | 0 | 1 | 1 | 1 | 1 | 2 |")
                .contains("wrong.mp3 @ 0.0-60.0 s: expected \"a\"; got ACCEPT 0.90 at 0.0-60.0 s as \"Beta\"")
                .doesNotContain("right.flac @");
    }
}
