package io.wkmp.ingest.server;

import io.wkmp.ingest.core.audio.AudioFormat;
import io.wkmp.ingest.core.audio.PcmBlock;
import io.wkmp.ingest.core.audio.PcmConsumer;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.FileRejectedException;
import io.wkmp.ingest.core.port.AudioDecoder;
import io.wkmp.ingest.core.time.Ticks;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test audio: writes 16-bit stereo WAV files of tones and silences, and decodes them (a tiny AudioDecoder). */
final class WavFiles implements AudioDecoder {
    static final int RATE = 8000;

    /** Writes tones of {@code toneSeconds[i]} separated by {@code gapSeconds} of digital silence. */
    static Path write(Path file, double gapSeconds, double... toneSeconds) {
        int gap = (int) (gapSeconds * RATE);
        int frames = 0;
        for (double s : toneSeconds) {
            frames += (int) (s * RATE) + gap;
        }
        ByteBuffer b = ByteBuffer.allocate(44 + frames * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + frames * 4).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 2).putInt(RATE).putInt(RATE * 4).putShort((short) 4).putShort((short) 16)
                .put("data".getBytes()).putInt(frames * 4);
        for (int t = 0; t < toneSeconds.length; t++) {
            int n = (int) (toneSeconds[t] * RATE);
            for (int i = 0; i < n; i++) {
                short v = (short) (12000 * Math.sin(2 * Math.PI * (220 + 110 * t) * i / RATE));
                b.putShort(v).putShort(v);
            }
            for (int i = 0; i < gap; i++) {
                b.putInt(0);
            }
        }
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, b.array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @Override
    public AudioFormat probe(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] h = in.readNBytes(44);
            int dataBytes = ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN).getInt(40);
            return new AudioFormat(RATE, 2, 16, "pcm_s16le", Ticks.fromSamples(dataBytes / 4, RATE));
        } catch (IOException e) {
            throw new FileRejectedException(ErrorCode.FILE_UNREADABLE, e.getMessage(), e);
        }
    }

    @Override
    public void decode(Path file, PcmConsumer sink) {
        AudioFormat format = probe(file);
        sink.start(format);
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            in.skipNBytes(44);
            byte[] raw = new byte[4096 * 4];
            short[] samples = new short[4096 * 2];
            long frame = 0;
            int read;
            while ((read = in.readNBytes(raw, 0, raw.length)) > 0) {
                int frames = read / 4;
                ByteBuffer.wrap(raw, 0, frames * 4).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples, 0, frames * 2);
                sink.accept(new PcmBlock(samples, frames, 2, frame));
                frame += frames;
            }
        } catch (IOException e) {
            throw new FileRejectedException(ErrorCode.DECODE_ERROR, e.getMessage(), e);
        }
        sink.finish();
    }
}
