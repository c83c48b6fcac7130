package io.wkmp.ingest.adapters.ffmpeg;

import io.wkmp.ingest.core.audio.PcmBlock;
import io.wkmp.ingest.core.audio.PcmConsumer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.CancellationException;

/**
 * Reads ffmpeg's raw output (s16le, or f32le for float codecs) into 16-bit PcmBlocks. Floats become
 * {@code rint(x * 32767)}, clamped: the conversion fpcalc's FFmpeg reader applies, so fingerprints match it.
 */
final class PcmReader {
    private static final int READ_BYTES = 64 * 1024;

    private final InputStream in;
    private final int channels;
    private final boolean floating;
    private float[] floats = new float[0];

    PcmReader(InputStream in, int channels, boolean floating) {
        this.in = in;
        this.channels = channels;
        this.floating = floating;
    }

    /** Pushes every whole frame to {@code sink}; returns the frame count. Stops on interrupt. */
    long pump(PcmConsumer sink) throws IOException {
        int sampleBytes = floating ? 4 : 2;
        int frameBytes = sampleBytes * channels;
        byte[] buf = new byte[READ_BYTES - READ_BYTES % frameBytes + frameBytes];
        short[] pcm = new short[buf.length / sampleBytes];
        int have = 0;
        long frame = 0;
        int n;
        while ((n = in.read(buf, have, buf.length - have)) > 0) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("decode interrupted");
            }
            have += n;
            int frames = have / frameBytes;
            convert(buf, pcm, frames * channels);
            if (frames > 0) {
                sink.accept(new PcmBlock(pcm, frames, channels, frame));
                frame += frames;
            }
            int rest = have - frames * frameBytes;
            System.arraycopy(buf, frames * frameBytes, buf, 0, rest);
            have = rest;
        }
        return frame;
    }

    private void convert(byte[] buf, short[] pcm, int samples) {
        ByteBuffer b = ByteBuffer.wrap(buf, 0, samples * (floating ? 4 : 2)).order(ByteOrder.LITTLE_ENDIAN);
        if (!floating) {
            b.asShortBuffer().get(pcm, 0, samples);
            return;
        }
        if (floats.length < samples) {
            floats = new float[samples];
        }
        b.asFloatBuffer().get(floats, 0, samples);
        for (int i = 0; i < samples; i++) {
            // clamped after rounding, in int: the same values as Math.max/min on the double (NaN gives 0), cheaper
            double v = Math.rint(floats[i] * 32767.0);
            pcm[i] = (short) (v >= 32767 ? 32767 : v <= -32768 ? -32768 : (int) v);
        }
    }
}
