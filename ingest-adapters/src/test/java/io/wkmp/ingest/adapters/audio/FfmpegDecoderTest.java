package io.wkmp.ingest.adapters.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wkmp.ingest.adapters.ffmpeg.FfmpegAudioDecoder;
import io.wkmp.ingest.adapters.ffmpeg.FfprobeJson;
import io.wkmp.ingest.core.audio.AudioFormat;
import io.wkmp.ingest.core.audio.PcmBlock;
import io.wkmp.ingest.core.audio.PcmConsumer;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.FileRejectedException;
import io.wkmp.ingest.core.time.Ticks;
import io.wkmp.ingest.testkit.audio.AudioEncoder;
import io.wkmp.ingest.testkit.audio.AudioSynth;
import io.wkmp.ingest.testkit.audio.EncodedFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FfmpegDecoderTest {
    @TempDir
    Path dir;

    private final FfmpegAudioDecoder decoder = new FfmpegAudioDecoder();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "it's a $weird name.wav",
                "quote \"q\" `x` & ; | > .wav",
                "-starts-with-dash.wav",
                "Ünïcödé ♫ 日本.wav",
                "pipe:not-a-protocol.wav"
            })
    void anyFileNameDecodes(String name) {
        Path f = AudioSynth.builder(22_050, 1).tone(1_000, 440, -20).build().writeWav(dir.resolve(name));
        assertThat(count(f)).isEqualTo(22_050);
    }

    @Test
    void mp3IsGaplessAtNativeRate() {
        Path wav = AudioSynth.builder(48_000, 2).music(5_000, 3).build().writeWav(dir.resolve("g.wav"));
        Path mp3 = AudioEncoder.encode(wav, EncodedFormat.MP3, Map.of());
        assertThat(decoder.probe(mp3).sampleRate()).isEqualTo(48_000);
        assertThat(count(mp3)).isEqualTo(5 * 48_000);
    }

    @Test
    void m4aDecodesToItsStatedLengthWithoutTheEncodersEndPadding() {
        // 17 s at 44.1 kHz is not a whole number of 1024-sample AAC frames: ffmpeg alone decodes 750,592 frames
        Path wav = AudioSynth.builder(44_100, 2).music(17_000, 6).build().writeWav(dir.resolve("pad.wav"));
        Path m4a = AudioEncoder.encode(wav, EncodedFormat.M4A, Map.of());
        assertThat(count(m4a)).isEqualTo(17 * 44_100);
    }

    @Test
    void flacMp3OggOpusAndPcmWavDecodeWithoutAnFfprobeRunAndMp4NeedsOne() throws Exception {
        FfmpegAudioDecoder noProbe = new FfmpegAudioDecoder("ffmpeg", new FfprobeJson("/nonexistent/ffprobe"));
        Path wav = AudioSynth.builder(48_000, 2).music(3_000, 2).build().writeWav(dir.resolve("np.wav"));
        Path floatWav = dir.resolve("np-float.wav");
        Process p = new ProcessBuilder(
                        "ffmpeg", "-v", "error", "-i", wav.toString(), "-c:a", "pcm_f32le", floatWav.toString())
                .redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        Map<Path, EncodedFormat> files = new java.util.LinkedHashMap<>();
        for (EncodedFormat f :
                new EncodedFormat[] {EncodedFormat.FLAC, EncodedFormat.MP3, EncodedFormat.OGG, EncodedFormat.OPUS}) {
            files.put(AudioEncoder.encode(wav, f, Map.of()), f);
        }
        files.put(wav, EncodedFormat.WAV);
        files.put(floatWav, EncodedFormat.WAV);
        for (Map.Entry<Path, EncodedFormat> e : files.entrySet()) {
            Path encoded = e.getKey();
            EncodedFormat f = e.getValue();
            AtomicReference<AudioFormat> format = new AtomicReference<>();
            AtomicLong n = new AtomicLong();
            noProbe.decode(encoded, new PcmConsumer() {
                @Override
                public void start(AudioFormat af) {
                    format.set(af);
                }

                @Override
                public void accept(PcmBlock block) {
                    n.addAndGet(block.frames());
                }
            });
            assertThat(format.get().sampleRate()).as(f.name()).isEqualTo(48_000);
            assertThat(format.get().channels()).as(f.name()).isEqualTo(2);
            assertThat(n.get()).as(encoded.toString()).isEqualTo(count(encoded));
            if (f == EncodedFormat.WAV) {
                assertThat(n.get()).as(encoded.toString()).isEqualTo(3 * 48_000);
            }
            if (f == EncodedFormat.FLAC || f == EncodedFormat.WAV) {
                assertThat(format.get().durationTicks()).as(encoded.toString()).isEqualTo(3 * Ticks.PER_SECOND);
            }
            if (f == EncodedFormat.FLAC || encoded == wav) {
                assertThat(format.get().bitsPerSample()).isEqualTo(16);
            }
            if (encoded == floatWav) {
                assertThat(format.get().codec()).isEqualTo("pcm_f32le");
            }
            if (f == EncodedFormat.MP3) {
                assertThat(format.get().durationTicks())
                        .as("the Info frame's length, with the encoder's padding")
                        .isBetween(3 * Ticks.PER_SECOND, 3 * Ticks.PER_SECOND + Ticks.PER_SECOND / 10);
            }
        }
        Path m4a = AudioEncoder.encode(wav, EncodedFormat.M4A, Map.of());
        assertThatThrownBy(() -> noProbe.decode(m4a, block -> {})).hasMessageContaining("ffprobe");
    }

    @Test
    void aFileIsProbedOnceUntilItChanges() throws Exception {
        Path runs = dir.resolve("runs.log");
        Path counting = dir.resolve("counting-ffprobe");
        Files.writeString(counting, "#!/bin/sh\necho run >> '" + runs + "'\nexec ffprobe \"$@\"\n");
        assertThat(counting.toFile().setExecutable(true)).isTrue();
        FfprobeJson ffprobe = new FfprobeJson(counting.toString());
        Path a = AudioSynth.builder(44_100, 2).music(1_000, 1).build().writeWav(dir.resolve("a.wav"));
        Path b = AudioSynth.builder(44_100, 1).music(1_000, 1).build().writeWav(dir.resolve("b.wav"));
        assertThat(ffprobe.probe(a).path("streams").get(0).path("channels").asInt())
                .isEqualTo(2);
        assertThat(ffprobe.probe(b).path("streams").get(0).path("channels").asInt())
                .isEqualTo(1);
        assertThat(ffprobe.probe(a).path("streams").get(0).path("channels").asInt())
                .isEqualTo(2);
        assertThat(Files.readAllLines(runs)).hasSize(2);
        AudioSynth.builder(44_100, 1).music(2_000, 1).build().writeWav(a); // the file changes: probed again
        assertThat(ffprobe.probe(a).path("streams").get(0).path("channels").asInt())
                .isEqualTo(1);
        assertThat(Files.readAllLines(runs)).hasSize(3);
    }

    @Test
    void corruptTruncatedEmptyAndNonAudioInputAreDecodeErrors() throws Exception {
        Path wav = AudioSynth.builder(44_100, 2).music(20_000, 4).build().writeWav(dir.resolve("src.wav"));
        Path empty = Files.write(dir.resolve("empty.flac"), new byte[0]);
        Path text = Files.writeString(dir.resolve("text.mp3"), "hello, I am not audio at all");
        for (EncodedFormat f : new EncodedFormat[] {EncodedFormat.FLAC, EncodedFormat.MP3, EncodedFormat.M4A}) {
            byte[] full = Files.readAllBytes(AudioEncoder.encode(wav, f, Map.of()));
            Path truncated =
                    Files.write(dir.resolve("truncated." + f.extension()), Arrays.copyOf(full, full.length / 3));
            assertDecodeError(truncated);
        }
        byte[] pcm = Files.readAllBytes(wav);
        assertDecodeError(Files.write(dir.resolve("truncated.wav"), Arrays.copyOf(pcm, pcm.length / 3)));
        byte[] flac = Files.readAllBytes(dir.resolve("src.flac"));
        for (int i = flac.length / 4; i < flac.length / 2; i += 97) {
            flac[i] = (byte) ~flac[i];
        }
        assertDecodeError(Files.write(dir.resolve("corrupt.flac"), flac));
        assertDecodeError(empty);
        assertDecodeError(text);
    }

    @Test
    void anInterruptStopsTheDecodeAndReapsFfmpeg() throws Exception {
        Path wav = AudioSynth.builder(44_100, 2).music(120_000, 5).build().writeWav(dir.resolve("long.wav"));
        Path flac = AudioEncoder.encode(wav, EncodedFormat.FLAC, Map.of());
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        AtomicLong frames = new AtomicLong();
        Thread t = new Thread(() -> {
            try {
                decoder.decode(flac, new PcmConsumer() {
                    @Override
                    public void accept(PcmBlock block) {
                        if (frames.addAndGet(block.frames()) > 44_100) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });
            } catch (RuntimeException e) {
                outcome.set(e);
            }
        });
        t.start();
        t.join(10_000);
        assertThat(outcome.get()).isInstanceOf(CancellationException.class);
        assertThat(frames.get()).isLessThan(120L * 44_100);
        assertThat(ProcessHandle.current()
                        .children()
                        .filter(ProcessHandle::isAlive)
                        .count())
                .isZero();
    }

    private long count(Path f) {
        AtomicLong n = new AtomicLong();
        decoder.decode(f, block -> n.addAndGet(block.frames()));
        return n.get();
    }

    private void assertDecodeError(Path f) {
        assertThatThrownBy(() -> count(f))
                .as(f.getFileName().toString())
                .isInstanceOf(FileRejectedException.class)
                .satisfies(e -> assertThat(((FileRejectedException) e).code()).isEqualTo(ErrorCode.DECODE_ERROR))
                .satisfies(e -> assertThat(e.getMessage())
                        .as("ffmpeg's messages as one line, without memory addresses")
                        .doesNotContain("\n")
                        .doesNotContainPattern("0x[0-9a-f]{6,}"));
    }
}
