package io.wkmp.ingest.server;

import io.wkmp.ingest.testkit.audio.AudioEncoder;
import io.wkmp.ingest.testkit.audio.AudioSynth;
import io.wkmp.ingest.testkit.audio.EncodedFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Synthesized test files (testkit AudioSynth, encoded by ffmpeg): tones at -12 dBFS RMS separated by digital silence. */
final class TestAudio {
    /** Peak sample of the tones, -9 dBFS. */
    static final double TONE_PEAK = Math.pow(10, -9 / 20.0);
    /** RMS of the tones. */
    static final double TONE_RMS_DBFS = -12;

    private TestAudio() {}

    /** Writes tones of {@code toneSeconds[i]}, each followed by {@code gapSeconds} of silence, as WAV or (for .flac) FLAC. */
    static Path write(Path file, double gapSeconds, double... toneSeconds) {
        AudioSynth synth = AudioSynth.builder(44_100, 2);
        for (int i = 0; i < toneSeconds.length; i++) {
            synth.tone(Math.round(toneSeconds[i] * 1000), 220 + 110 * i, TONE_RMS_DBFS)
                    .silence(Math.round(gapSeconds * 1000));
        }
        try {
            Files.createDirectories(file.getParent());
            if (!file.toString().endsWith(".flac")) {
                return synth.build().writeWav(file);
            }
            Path wav = synth.build().writeWav(file.resolveSibling(file.getFileName() + ".tmp.wav"));
            AudioEncoder.encode(wav, file, EncodedFormat.FLAC, Map.of("title", "Side A"));
            Files.delete(wav);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
