package io.wkmp.ingest.server;

import io.wkmp.ingest.testkit.audio.AudioEncoder;
import io.wkmp.ingest.testkit.audio.EncodedFormat;
import io.wkmp.ingest.testkit.fakes.FakeCatalog;
import io.wkmp.ingest.testkit.fakes.SongSynth;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * A synthesized library under {@code <root>/library} and the catalogue the fake services answer from:
 * singles/one.mp3 and singles/two.ogg (known recordings), singles/three.m4a (unknown to the catalogue),
 * singles/broken.flac (not audio), and album/side.flac: three catalogue tracks joined by 2 s of digital
 * silence, one release of three tracks.
 */
final class RealLibrary {
    static final String FOLDER = "library";
    static final String SIDE = FOLDER + "/album/side.flac";
    static final String ARTIST = "a7000000-0000-4000-8000-000000000001";
    static final String ALBUM = "b7000000-0000-4000-8000-000000000001";
    static final double GAP_SECONDS = 2;
    static final double[] SIDE_TRACKS = {14, 15, 16};

    final FakeCatalog catalog;

    static String rec(int i) {
        return String.format("c7000000-0000-4000-8000-%012d", i);
    }

    /** Writes the library under {@code root}; {@code work} holds the intermediate WAVs. */
    RealLibrary(Path root, Path work) {
        Path singles = root.resolve(FOLDER).resolve("singles");
        Path album = root.resolve(FOLDER).resolve("album");
        try {
            Files.createDirectories(work);
            Files.createDirectories(singles);
            Files.createDirectories(album);
            FakeCatalog.Builder b = FakeCatalog.builder().artist(ARTIST, "The Synthesists");
            List<String> sideIds = new ArrayList<>();
            List<short[]> sideParts = new ArrayList<>();
            for (int i = 0; i < SIDE_TRACKS.length; i++) {
                short[] song = SongSynth.song(500 + i, SIDE_TRACKS[i]);
                Path wav = writeWav(work.resolve("side" + i + ".wav"), song);
                b.recording(
                        rec(i), "Oscillation " + (i + 1), Math.round(SIDE_TRACKS[i] * 1000), ARTIST, null, fpcalc(wav));
                sideIds.add(rec(i));
                sideParts.add(song);
                if (i < SIDE_TRACKS.length - 1) {
                    sideParts.add(new short[(int) (GAP_SECONDS * SongSynth.RATE)]);
                }
            }
            b.release(ALBUM, "Waveforms", "2024-02-02", ARTIST, sideIds);
            AudioEncoder.encode(
                    writeWav(work.resolve("side.wav"), concat(sideParts)),
                    album.resolve("side.flac"),
                    EncodedFormat.FLAC,
                    Map.of("album", "Waveforms", "album_artist", "The Synthesists"));

            single(b, work, singles.resolve("one.mp3"), EncodedFormat.MP3, 10, "Single One", 13, rec(10));
            single(b, work, singles.resolve("two.ogg"), EncodedFormat.OGG, 11, "Single Two", 12, rec(11));
            single(b, work, singles.resolve("three.m4a"), EncodedFormat.M4A, 12, "Single Three", 15, null);
            byte[] junk = new byte[64 * 1024];
            new Random(7).nextBytes(junk);
            Files.write(singles.resolve("broken.flac"), junk);
            catalog = b.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a single; a non-null {@code recordingId} puts it in the catalogue on a one-track release. */
    private static void single(
            FakeCatalog.Builder b,
            Path work,
            Path out,
            EncodedFormat format,
            int seed,
            String title,
            double seconds,
            String recordingId)
            throws IOException {
        Path wav = writeWav(work.resolve("single" + seed + ".wav"), SongSynth.song(seed, seconds));
        if (recordingId != null) {
            b.recording(recordingId, title, Math.round(seconds * 1000), ARTIST, null, fpcalc(wav));
            b.release("b7000000-0000-4000-8000-0000000000" + seed, title, "2023-01-01", ARTIST, List.of(recordingId));
        }
        AudioEncoder.encode(wav, out, format, Map.of("title", title, "artist", "The Synthesists"));
    }

    private static short[] concat(List<short[]> parts) {
        short[] all = new short[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (short[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    private static Path writeWav(Path file, short[] pcm) throws IOException {
        byte[] bytes = new byte[pcm.length * 2];
        for (int i = 0; i < pcm.length; i++) {
            bytes[2 * i] = (byte) pcm[i];
            bytes[2 * i + 1] = (byte) (pcm[i] >> 8);
        }
        AudioFormat format = new AudioFormat(SongSynth.RATE, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes), format, pcm.length)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }

    private static String fpcalc(Path file) throws IOException {
        Process p = new ProcessBuilder("fpcalc", file.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return out.lines()
                .filter(l -> l.startsWith("FINGERPRINT="))
                .findFirst()
                .orElseThrow(() -> new IOException(out))
                .substring("FINGERPRINT=".length());
    }
}
