package io.wkmp.ingest.testkit.audio;

import io.wkmp.ingest.testkit.audio.Part.Fade;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds deterministic synthetic audio from parts laid end to end: seeded "music" (changing chords of
 * harmonic-rich notes, distinct per seed so Chromaprint tells tracks apart), sine tones, white noise
 * at a given RMS dBFS, digital silence, each optionally with linear or exponential fades. Durations are
 * in milliseconds (exact frame counts) or frames; the result knows every part's first frame, so tests
 * have exact expected boundaries. Example:
 *
 * <pre>{@code
 * SynthAudio cd = AudioSynth.builder(44_100, 2)
 *         .music(30_000, 1).silence(2_000).music(25_000, 2)
 *         .build();
 * cd.writeWav(dir.resolve("album.wav"));
 * long boundary = cd.partStartFrame(2); // first frame of track 2
 * }</pre>
 */
public final class AudioSynth {
    /** Default level of music parts (peak bound), dBFS. */
    public static final double MUSIC_DBFS = -3;

    private final int sampleRate;
    private final int channels;
    private final List<Part> parts = new ArrayList<>();
    private Fade pendingFadeIn;

    private AudioSynth(int sampleRate, int channels) {
        if (sampleRate <= 0 || channels < 1 || channels > 8) {
            throw new IllegalArgumentException("need rate > 0 and 1..8 channels, got " + sampleRate + ", " + channels);
        }
        this.sampleRate = sampleRate;
        this.channels = channels;
    }

    /** A builder for audio at {@code sampleRate} with {@code channels} (every channel carries the same signal). */
    public static AudioSynth builder(int sampleRate, int channels) {
        return new AudioSynth(sampleRate, channels);
    }

    /** Frames in {@code millis} at this rate (exact for whole milliseconds at common rates). */
    public long frames(long millis) {
        return millis * sampleRate / 1000;
    }

    /** Seeded music at {@link #MUSIC_DBFS}. */
    public AudioSynth music(long millis, long seed) {
        return add(new Part(Part.Kind.MUSIC, frames(millis), MUSIC_DBFS, 0, seed, take(), null));
    }

    /** Seeded music with a peak bound of {@code dbfs}. */
    public AudioSynth music(long millis, long seed, double dbfs) {
        return add(new Part(Part.Kind.MUSIC, frames(millis), dbfs, 0, seed, take(), null));
    }

    /** A sine at {@code hz} with RMS {@code dbfs}. */
    public AudioSynth tone(long millis, double hz, double dbfs) {
        return add(new Part(Part.Kind.TONE, frames(millis), dbfs, hz, 0, take(), null));
    }

    /** White Gaussian noise with RMS {@code dbfs}, seeded. */
    public AudioSynth noise(long millis, double dbfs, long seed) {
        return add(new Part(Part.Kind.NOISE, frames(millis), dbfs, 0, seed, take(), null));
    }

    /** Digital silence (all zero samples). */
    public AudioSynth silence(long millis) {
        return add(new Part(Part.Kind.SILENCE, frames(millis), -100, 0, 0, null, null));
    }

    /** Any part, for exact frame counts. */
    public AudioSynth add(Part part) {
        parts.add(part);
        return this;
    }

    /** Gives the NEXT part a fade-in from {@code floorDb} (relative) to full level over {@code millis}. */
    public AudioSynth fadeInNext(long millis, double floorDb, Fade.Shape shape) {
        pendingFadeIn = new Fade(frames(millis), floorDb, shape);
        return this;
    }

    /** Gives the LAST part added a fade-out to {@code floorDb} (relative) over its final {@code millis}. */
    public AudioSynth fadeOutLast(long millis, double floorDb, Fade.Shape shape) {
        Part p = parts.remove(parts.size() - 1);
        parts.add(new Part(
                p.kind(),
                p.frames(),
                p.levelDbfs(),
                p.frequencyHz(),
                p.seed(),
                p.fadeIn(),
                new Fade(frames(millis), floorDb, shape)));
        return this;
    }

    public SynthAudio build() {
        if (parts.isEmpty()) {
            throw new IllegalStateException("no parts");
        }
        return new SynthAudio(sampleRate, channels, parts);
    }

    private Fade take() {
        Fade f = pendingFadeIn;
        pendingFadeIn = null;
        return f;
    }
}
