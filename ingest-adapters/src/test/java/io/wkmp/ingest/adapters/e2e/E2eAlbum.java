package io.wkmp.ingest.adapters.e2e;

import io.wkmp.ingest.testkit.audio.AudioEncoder;
import io.wkmp.ingest.testkit.audio.AudioSynth;
import io.wkmp.ingest.testkit.audio.EncodedFormat;
import io.wkmp.ingest.testkit.audio.Fpcalc;
import io.wkmp.ingest.testkit.fakes.FakeCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A synthesized album of {@value #TRACKS} tracks (12..19 s of seeded music each) and the fake catalogue that
 * knows it: recordings with the fpcalc fingerprints of the tracks' WAVs, one release with the tracks and their
 * durations, two artists (track 5 is a guest's), one work a track. Also a catalogue recording on another
 * release ("Stranger", for contradicting tags) and a song the catalogue does not know. Writes the album as a
 * tagged folder (FLAC and MP3 alternating) or as one FLAC file with 2 s of digital silence between tracks.
 */
final class E2eAlbum {
    static final int TRACKS = 8;
    static final int RATE = 44_100;
    static final String ARTIST = "a7000000-0000-4000-8000-000000000001";
    static final String GUEST = "a7000000-0000-4000-8000-000000000002";
    static final String RELEASE = "b7000000-0000-4000-8000-000000000001";
    static final String OTHER_RELEASE = "b7000000-0000-4000-8000-000000000002";
    static final String STRANGER = "c7000000-0000-4000-8000-000000000099";
    static final String ALBUM = "Waveforms";
    static final String ARTIST_NAME = "The Synthesists";
    static final String GUEST_NAME = "Vera Sine";
    static final int GUEST_TRACK = 4;
    private static final long UNKNOWN_SEED = 4242;
    private static final long UNKNOWN_MS = 17_500;

    final FakeCatalog catalog;
    private final Path scratch;

    static String rec(int i) {
        return String.format("c7000000-0000-4000-8000-%012d", i);
    }

    static String work(int i) {
        return String.format("d7000000-0000-4000-8000-%012d", i);
    }

    static String title(int i) {
        return "Oscillation " + (i + 1);
    }

    static long millis(int i) {
        return 12_000 + 1_000L * i;
    }

    static long seed(int i) {
        return 700 + i;
    }

    E2eAlbum(Path scratch) {
        this.scratch = scratch;
        FakeCatalog.Builder b =
                FakeCatalog.builder().artist(ARTIST, ARTIST_NAME).artist(GUEST, GUEST_NAME);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < TRACKS; i++) {
            b.work(work(i), "Oscillation Suite: " + (i + 1));
            b.recording(rec(i), title(i), millis(i), i == GUEST_TRACK ? GUEST : ARTIST, work(i), fpcalc(wav(i)));
            ids.add(rec(i));
        }
        Path stranger = AudioSynth.builder(RATE, 2).music(16_000, 99).build().writeWav(scratch.resolve("stranger.wav"));
        b.recording(STRANGER, "Stranger", 16_000, ARTIST, null, fpcalc(stranger));
        b.release(RELEASE, ALBUM, "2024-02-02", ARTIST, ids);
        b.release(OTHER_RELEASE, "Strangers: The Best Of", "2025-01-01", ARTIST, List.of(STRANGER));
        this.catalog = b.build();
    }

    /** The WAV of track {@code i} (written once). */
    Path wav(int i) {
        Path f = scratch.resolve("track" + i + ".wav");
        if (!Files.exists(f)) {
            AudioSynth.builder(RATE, 2).music(millis(i), seed(i)).build().writeWav(f);
        }
        return f;
    }

    /** Tags of track {@code i} as ffmpeg metadata. */
    static Map<String, String> tags(int i) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("title", title(i));
        m.put("artist", i == GUEST_TRACK ? GUEST_NAME : ARTIST_NAME);
        m.put("album", ALBUM);
        m.put("album_artist", ARTIST_NAME);
        m.put("track", (i + 1) + "/" + TRACKS);
        m.put("date", "2024");
        return m;
    }

    static EncodedFormat format(int i) {
        return i % 2 == 0 ? EncodedFormat.FLAC : EncodedFormat.MP3;
    }

    /** Relative name of track {@code i} in the album folder. */
    static String fileName(int i) {
        return String.format("%02d - %s.%s", i + 1, title(i), format(i).extension());
    }

    /** Writes the album as {@value #TRACKS} tagged files (FLAC and MP3 alternating) into {@code folder}; returns them in track order. */
    List<Path> writeFolder(Path folder) {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < TRACKS; i++) {
            out.add(writeTrack(folder, i, tags(i)));
        }
        return out;
    }

    /** Writes track {@code i} into {@code folder} with these tags. */
    Path writeTrack(Path folder, int i, Map<String, String> tags) {
        mkdirs(folder);
        return AudioEncoder.encode(wav(i), folder.resolve(fileName(i)), format(i), tags);
    }

    /** A song nobody catalogued, as an MP3 in {@code folder} with these tags. */
    Path writeUnknown(Path folder, String name, Map<String, String> tags) {
        mkdirs(folder);
        Path wav = AudioSynth.builder(RATE, 2)
                .music(UNKNOWN_MS, UNKNOWN_SEED)
                .build()
                .writeWav(scratch.resolve("unknown.wav"));
        return AudioEncoder.encode(wav, folder.resolve(name), EncodedFormat.MP3, tags);
    }

    /** The whole album in one FLAC file, tracks joined by 2 s of digital silence, tagged with album and album artist only. */
    Path writeJoined(Path file) {
        AudioSynth s = AudioSynth.builder(RATE, 2);
        for (int i = 0; i < TRACKS; i++) {
            if (i > 0) {
                s.silence(2_000);
            }
            s.music(millis(i), seed(i));
        }
        Path wav = s.build().writeWav(scratch.resolve("joined.wav"));
        mkdirs(file.getParent());
        return AudioEncoder.encode(
                wav,
                file,
                EncodedFormat.FLAC,
                Map.of("album", ALBUM, "album_artist", ARTIST_NAME, "artist", ARTIST_NAME, "date", "2024"));
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fpcalc(Path file) {
        return Fpcalc.fingerprint(file);
    }
}
