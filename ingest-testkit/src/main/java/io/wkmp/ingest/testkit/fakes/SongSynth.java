package io.wkmp.ingest.testkit.fakes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Random;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Writes small, distinct, fingerprintable "songs" for the fake catalogue: a chord sequence chosen by a
 * seed (different seeds give fingerprints that do not match each other), 16-bit PCM WAV. Stateless.
 */
public final class SongSynth {
    /** Sample rate of the written files. */
    public static final int RATE = 22_050;

    private static final double CHORD_SECONDS = 1.5;

    private SongSynth() {}

    /** Interleaved 16-bit samples of a song of {@code seconds}, mono, for {@code seed}. */
    public static short[] song(long seed, double seconds) {
        Random rnd = new Random(seed);
        int n = (int) Math.round(seconds * RATE);
        short[] pcm = new short[n];
        int perChord = (int) (CHORD_SECONDS * RATE);
        double[] freqs = new double[3];
        for (int i = 0; i < n; i++) {
            if (i % perChord == 0) {
                int root = rnd.nextInt(24);
                freqs[0] = note(root);
                freqs[1] = note(root + 3 + rnd.nextInt(2));
                freqs[2] = note(root + 7 + rnd.nextInt(5));
            }
            double t = (double) i / RATE;
            double local = (i % perChord) / (double) perChord;
            double env = Math.min(1, local * 20) * (1 - 0.5 * local);
            double v = 0;
            for (double f : freqs) {
                v += Math.sin(2 * Math.PI * f * t) + 0.3 * Math.sin(4 * Math.PI * f * t);
            }
            pcm[i] = (short) Math.round(v / 4.0 * env * 20_000);
        }
        return pcm;
    }

    /** Writes {@link #song} to a mono WAV file. */
    public static Path writeWav(Path file, long seed, double seconds) {
        short[] pcm = song(seed, seconds);
        byte[] bytes = new byte[pcm.length * 2];
        for (int i = 0; i < pcm.length; i++) {
            bytes[2 * i] = (byte) pcm[i];
            bytes[2 * i + 1] = (byte) (pcm[i] >> 8);
        }
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes), format, pcm.length)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static double note(int semitonesAboveA3) {
        return 220 * Math.pow(2, semitonesAboveA3 / 12.0);
    }
}
