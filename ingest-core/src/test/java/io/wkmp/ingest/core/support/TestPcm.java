package io.wkmp.ingest.core.support;

import io.wkmp.ingest.core.audio.AudioFormat;
import io.wkmp.ingest.core.audio.PcmBlock;
import io.wkmp.ingest.core.audio.PcmConsumer;
import io.wkmp.ingest.core.port.AudioDecoder;
import io.wkmp.ingest.core.port.Fingerprinter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Tiny in-memory PCM generator for core tests (core cannot use the testkit): sine tones, Gaussian noise,
 * digital silence and exponential fades, laid end to end, mono or with the same signal on every channel.
 * Also a decoder that streams it in blocks and a fingerprinter that hashes what it is fed.
 */
public final class TestPcm {
    private final int rate;
    private final int channels;
    private final List<short[]> parts = new ArrayList<>();

    public TestPcm(int rate, int channels) {
        this.rate = rate;
        this.channels = channels;
    }

    public int rate() {
        return rate;
    }

    public long frames(long ms) {
        return ms * rate / 1000;
    }

    /** A sine of RMS {@code dbfs}, optionally fading in over {@code fadeInMs} and out over {@code fadeOutMs} from -60 dB. */
    public TestPcm tone(long ms, double hz, double dbfs, long fadeInMs, long fadeOutMs) {
        int n = (int) frames(ms);
        short[] s = new short[n];
        double amp = Math.pow(10, dbfs / 20) * Math.sqrt(2);
        long in = frames(fadeInMs);
        long out = frames(fadeOutMs);
        for (int i = 0; i < n; i++) {
            double g = 1;
            if (i < in) {
                g *= Math.pow(10, -60 * (1 - (double) i / in) / 20);
            }
            if (n - 1 - i < out) {
                g *= Math.pow(10, -60 * (1 - (double) (n - 1 - i) / out) / 20);
            }
            s[i] = (short) Math.round(32767 * amp * g * Math.sin(2 * Math.PI * hz * i / rate));
        }
        parts.add(s);
        return this;
    }

    public TestPcm tone(long ms, double hz, double dbfs) {
        return tone(ms, hz, dbfs, 0, 0);
    }

    public TestPcm noise(long ms, double dbfs, long seed) {
        Random r = new Random(seed);
        short[] s = new short[(int) frames(ms)];
        double amp = Math.pow(10, dbfs / 20);
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) Math.max(-32768, Math.min(32767, Math.round(32767 * amp * r.nextGaussian())));
        }
        parts.add(s);
        return this;
    }

    public TestPcm silence(long ms) {
        parts.add(new short[(int) frames(ms)]);
        return this;
    }

    /** First frame of part {@code i}. */
    public long partStart(int i) {
        long f = 0;
        for (int k = 0; k < i; k++) {
            f += parts.get(k).length;
        }
        return f;
    }

    public long totalFrames() {
        return partStart(parts.size());
    }

    /** Pushes the whole signal to {@code sink} in blocks of {@code blockFrames}. */
    public void play(PcmConsumer sink, int blockFrames) {
        sink.start(new AudioFormat(rate, channels, 16, "pcm_s16le", -1));
        short[] mono = new short[(int) totalFrames()];
        int at = 0;
        for (short[] p : parts) {
            System.arraycopy(p, 0, mono, at, p.length);
            at += p.length;
        }
        short[] buf = new short[blockFrames * channels];
        for (int f = 0; f < mono.length; f += blockFrames) {
            int n = Math.min(blockFrames, mono.length - f);
            for (int i = 0; i < n; i++) {
                Arrays.fill(buf, i * channels, (i + 1) * channels, mono[f + i]);
            }
            sink.accept(new PcmBlock(buf, n, channels, f));
        }
        sink.finish();
    }

    /** A decoder that plays this signal whatever the path. */
    public AudioDecoder decoder() {
        return new AudioDecoder() {
            @Override
            public AudioFormat probe(Path file) {
                return new AudioFormat(rate, channels, 16, "pcm_s16le", -1);
            }

            @Override
            public void decode(Path file, PcmConsumer sink) {
                play(sink, 4096);
            }
        };
    }

    /** A fingerprinter whose "fingerprint" is the count and a hash of the samples fed; empty below one second. */
    public static Fingerprinter hashingFingerprinter() {
        return (sampleRate, channelCount) -> new Fingerprinter.Session() {
            private long count;
            private long hash = 17;

            @Override
            public void feed(short[] pcm, int offset, int sampleCount) {
                for (int i = offset; i < offset + sampleCount; i++) {
                    hash = hash * 31 + pcm[i];
                }
                count += sampleCount;
            }

            @Override
            public Fingerprinter.Fingerprint finish() {
                long frames = count / channelCount;
                return new Fingerprinter.Fingerprint(
                        frames + ":" + Long.toHexString(hash),
                        frames < sampleRate ? new int[0] : new int[] {(int) hash});
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }
}
