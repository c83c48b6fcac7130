package io.wkmp.ingest.core.audio;

import java.util.Arrays;

/**
 * Turns a decode's blocks into mono float samples (the mean of the channels, in [-1, 1)) at another sample rate, on
 * the stream and in bounded memory: a windowed-sinc low-pass (Hann window, {@value #ZEROS} zero crossings a side,
 * cut-off at {@value #CUTOFF} of the lower Nyquist frequency, unity gain at DC, 40 dB or more down above the new
 * Nyquist frequency: enough for spectral features, not for listening) evaluated at
 * {@value #PHASES} sub-sample phases, so any pair of rates works. Same rate: the mono samples pass through
 * unchanged. One instance per decode; not thread-safe.
 */
public final class MonoResampler implements PcmConsumer {
    static final int ZEROS = 4;
    static final double CUTOFF = 0.9;
    static final int PHASES = 256;
    private static final int OUT_CHUNK = 4096;

    /** Receives the resampled samples in order; {@code samples} is reused after the call returns. */
    public interface MonoSink {
        void accept(float[] samples, int count);
    }

    private final int outRate;
    private final MonoSink sink;
    private final float[] out = new float[OUT_CHUNK];
    private int outCount;
    private boolean passThrough;
    private double step;
    private int half;
    private int channels;
    private float scale;
    private float[][] kernel;
    /** Input samples still needed: hist[0] is input sample {@code histStart}. */
    private float[] hist = new float[8192];

    private long histStart;
    private int histLen;
    /** Position of the next output sample, in input samples. */
    private long nextOut;

    public MonoResampler(int outRate, MonoSink sink) {
        if (outRate <= 0) {
            throw new IllegalArgumentException("output rate must be > 0 Hz, got " + outRate);
        }
        this.outRate = outRate;
        this.sink = sink;
    }

    @Override
    public void start(AudioFormat format) {
        int inRate = format.sampleRate();
        channels = format.channels();
        scale = 1f / (32768f * channels);
        passThrough = inRate == outRate;
        step = inRate / (double) outRate;
        double fc = CUTOFF * 0.5 * Math.min(inRate, outRate) / inRate; // cycles per input sample
        half = (int) Math.ceil(ZEROS / (2 * fc));
        kernel = new float[PHASES + 1][2 * half];
        for (int p = 0; p <= PHASES; p++) {
            double frac = p / (double) PHASES;
            double sum = 0;
            double[] k = new double[2 * half];
            for (int j = 0; j < 2 * half; j++) {
                double d = j - half + 1 - frac;
                double x = 2 * fc * d;
                double sinc = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
                double w = Math.abs(d) >= half ? 0 : 0.5 * (1 + Math.cos(Math.PI * d / half));
                k[j] = sinc * w;
                sum += k[j];
            }
            for (int j = 0; j < k.length; j++) {
                kernel[p][j] = (float) (k[j] / sum);
            }
        }
        // the input before the first sample counts as silence: half a window of zeros, so no read falls outside hist
        histStart = -half;
        histLen = half;
    }

    @Override
    public void accept(PcmBlock block) {
        int frames = block.frames();
        short[] s = block.samples();
        if (passThrough) {
            for (int i = 0, at = 0; i < frames; i++) {
                int sum = 0;
                for (int c = 0; c < channels; c++) {
                    sum += s[at++];
                }
                emit(sum * scale);
            }
            return;
        }
        if (histLen + frames > hist.length) {
            hist = Arrays.copyOf(hist, Math.max(hist.length * 2, histLen + frames));
        }
        float[] h = hist;
        int n = histLen;
        for (int i = 0, at = 0; i < frames; i++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += s[at++];
            }
            h[n++] = sum * scale;
        }
        histLen = n;
        produce(histStart + histLen, Long.MAX_VALUE);
    }

    /**
     * Emits the output samples before {@code limit} whose filter window lies before input sample {@code available}.
     */
    private void produce(long available, long limit) {
        while (nextOut < limit) {
            double t = nextOut * step;
            long i0 = (long) Math.floor(t);
            int p = (int) Math.round((t - i0) * PHASES);
            if (i0 + half >= available) {
                break;
            }
            float[] k = kernel[p];
            float[] h = hist;
            int from = (int) (i0 - half + 1 - histStart);
            float acc = 0;
            for (int j = 0; j < k.length; j++) {
                acc += k[j] * h[from + j];
            }
            emit(acc);
            nextOut++;
        }
        long keepFrom = (long) Math.floor(nextOut * step) - half + 1;
        int drop = (int) Math.max(0, Math.min(histLen, keepFrom - histStart));
        if (drop > 0) {
            System.arraycopy(hist, drop, hist, 0, histLen - drop);
            histLen -= drop;
            histStart += drop;
        }
    }

    private void emit(float v) {
        out[outCount++] = v;
        if (outCount == out.length) {
            sink.accept(out, outCount);
            outCount = 0;
        }
    }

    /** Emits the rest: output samples up to the end of the input, the input taken as silent beyond its end. */
    @Override
    public void finish() {
        if (!passThrough && kernel != null) {
            long end = histStart + histLen;
            int pad = 2 * half + 2;
            if (histLen + pad > hist.length) {
                hist = Arrays.copyOf(hist, histLen + pad);
            }
            Arrays.fill(hist, histLen, histLen + pad, 0f);
            histLen += pad;
            produce(histStart + histLen, (long) Math.ceil(end / step));
        }
        if (outCount > 0) {
            sink.accept(out, outCount);
            outCount = 0;
        }
    }
}
