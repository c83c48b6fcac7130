package io.wkmp.ingest.testkit.audio;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A synthetic file's plan: its format and parts. Rendering streams part by part, so even an hour of
 * audio is written without holding its samples in memory. Immutable.
 */
public final class SynthAudio {
    private final int sampleRate;
    private final int channels;
    private final List<Part> parts;

    SynthAudio(int sampleRate, int channels, List<Part> parts) {
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.parts = List.copyOf(parts);
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int channels() {
        return channels;
    }

    public List<Part> parts() {
        return parts;
    }

    /** First frame of part {@code index}. */
    public long partStartFrame(int index) {
        long f = 0;
        for (int k = 0; k < index; k++) {
            f += parts.get(k).frames();
        }
        return f;
    }

    /** One past the last frame of part {@code index}. */
    public long partEndFrame(int index) {
        return partStartFrame(index) + parts.get(index).frames();
    }

    public long totalFrames() {
        return partStartFrame(parts.size());
    }

    /** Writes a 16-bit PCM WAV file (creating parent folders) and returns {@code file}. */
    public Path writeWav(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                writeHeader(out);
                writePcm(out);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }

    /** Writes raw interleaved s16le PCM of the whole plan. */
    public void writePcm(OutputStream out) throws IOException {
        byte[] buf = new byte[8192 * 2 * channels];
        int fill = 0;
        for (Part p : parts) {
            Renderer r = new Renderer(p, sampleRate);
            for (long f = 0; f < p.frames(); f++) {
                int s = (int) Math.round(r.next() * 32767);
                for (int c = 0; c < channels; c++) {
                    buf[fill++] = (byte) s;
                    buf[fill++] = (byte) (s >> 8);
                }
                if (fill == buf.length) {
                    out.write(buf, 0, fill);
                    fill = 0;
                }
            }
        }
        out.write(buf, 0, fill);
    }

    private void writeHeader(OutputStream out) throws IOException {
        long dataBytes = totalFrames() * channels * 2;
        if (dataBytes > 0xFFFF_FFFFL - 36) {
            throw new IllegalStateException("too long for a WAV file: " + dataBytes + " bytes");
        }
        out.write(new byte[] {'R', 'I', 'F', 'F'});
        le32(out, 36 + dataBytes);
        out.write(new byte[] {'W', 'A', 'V', 'E', 'f', 'm', 't', ' '});
        le32(out, 16);
        le16(out, 1);
        le16(out, channels);
        le32(out, sampleRate);
        le32(out, (long) sampleRate * channels * 2);
        le16(out, channels * 2);
        le16(out, 16);
        out.write(new byte[] {'d', 'a', 't', 'a'});
        le32(out, dataBytes);
    }

    private static void le32(OutputStream out, long v) throws IOException {
        out.write(new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)});
    }

    private static void le16(OutputStream out, int v) throws IOException {
        out.write(new byte[] {(byte) v, (byte) (v >> 8)});
    }
}
