package io.wkmp.ingest.adapters.identify;

import io.wkmp.ingest.testkit.audio.Fpcalc;
import io.wkmp.ingest.testkit.fakes.FakeCatalog;
import io.wkmp.ingest.testkit.fakes.SongSynth;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A synthesized album for identification tests: 8 songs written as WAV, the catalogue holds the WAVs'
 * fingerprints (fpcalc), the passages carry fingerprints of MP3 encodings of the same audio (so matching
 * is by bit similarity, not equality). Also an extra catalogue recording on no release and a song the
 * catalogue does not know.
 */
final class SynthAlbum {
    static final int TRACKS = 8;
    static final String ARTIST = "a9000000-0000-4000-8000-000000000001";
    static final String RELEASE = "b9000000-0000-4000-8000-000000000001";
    static final String OTHER_RELEASE = "b9000000-0000-4000-8000-000000000002";
    static final String DECOY_RELEASE = "b9000000-0000-4000-8000-000000000003";
    static final String STRANGER = "c9000000-0000-4000-8000-000000000099";
    static final String WORK = "d9000000-0000-4000-8000-000000000001";

    final List<Double> seconds = new ArrayList<>();
    final List<String> fingerprints = new ArrayList<>();
    final String unknownFingerprint;
    /** An MP3 fingerprint of "Stranger", a catalogued recording that is on OTHER_RELEASE only. */
    final String strangerFingerprint;

    final double strangerSeconds = 23;
    final double unknownSeconds = 26;
    final FakeCatalog catalog;
    /** The catalogue plus a decoy: another release "Waveforms" by the same artist with the same titles. */
    final FakeCatalog catalogWithDecoy;

    static String rec(int i) {
        return String.format("c9000000-0000-4000-8000-%012d", i);
    }

    static String title(int i) {
        return "Oscillation " + (i + 1);
    }

    SynthAlbum(Path dir) throws IOException, InterruptedException {
        List<String> masters = new ArrayList<>();
        for (int i = 0; i < TRACKS; i++) {
            double s = 20 + 2 * i;
            Path wav = SongSynth.writeWav(dir.resolve("t" + i + ".wav"), 1000 + i, s);
            seconds.add(s);
            fingerprints.add(fpcalc(mp3(wav)));
            masters.add(fpcalc(wav));
        }
        Path stranger = SongSynth.writeWav(dir.resolve("s.wav"), 77, strangerSeconds);
        String strangerMaster = fpcalc(stranger);
        strangerFingerprint = fpcalc(mp3(stranger));
        catalog = catalog(masters, strangerMaster, false);
        catalogWithDecoy = catalog(masters, strangerMaster, true);
        unknownFingerprint = fpcalc(mp3(SongSynth.writeWav(dir.resolve("u.wav"), 4242, unknownSeconds)));
    }

    private FakeCatalog catalog(List<String> masters, String strangerMaster, boolean decoy) {
        FakeCatalog.Builder b =
                FakeCatalog.builder().artist(ARTIST, "The Synthesists").work(WORK, "Oscillation Suite");
        List<String> ids = new ArrayList<>();
        List<String> decoyIds = new ArrayList<>();
        for (int i = 0; i < TRACKS; i++) {
            long ms = Math.round(seconds.get(i) * 1000);
            b.recording(rec(i), title(i), ms, ARTIST, i == 0 ? WORK : null, masters.get(i));
            ids.add(rec(i));
            if (decoy) {
                // the same titles and lengths, other recordings that AcoustID has no fingerprint of
                b.recording(decoyRec(i), title(i), ms, ARTIST, null, null);
                decoyIds.add(decoyRec(i));
            }
        }
        b.recording(STRANGER, "Stranger", 23_000, ARTIST, null, strangerMaster);
        b.release(RELEASE, "Waveforms", "2024-02-02", ARTIST, ids);
        b.release(OTHER_RELEASE, "Oscillations: The Best Of", "2025-01-01", ARTIST, List.of(rec(0), rec(1), STRANGER));
        if (decoy) {
            b.release(DECOY_RELEASE, "Waveforms", "2019-05-05", ARTIST, decoyIds);
        }
        return b.build();
    }

    /** A recording of the decoy release: same title as track i of Waveforms, no fingerprint. */
    static String decoyRec(int i) {
        return String.format("c9000000-0000-4000-8000-%012d", 500 + i);
    }

    private static Path mp3(Path wav) throws IOException, InterruptedException {
        Path out = wav.resolveSibling(wav.getFileName() + ".mp3");
        run(List.of(
                "ffmpeg",
                "-v",
                "error",
                "-y",
                "-i",
                wav.toString(),
                "-c:a",
                "libmp3lame",
                "-b:a",
                "128k",
                out.toString()));
        return out;
    }

    static String fpcalc(Path file) {
        return Fpcalc.fingerprint(file);
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
