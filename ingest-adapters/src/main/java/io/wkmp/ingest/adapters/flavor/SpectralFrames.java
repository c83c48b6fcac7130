package io.wkmp.ingest.adapters.flavor;

import be.tarsos.dsp.util.fft.FFT;
import be.tarsos.dsp.util.fft.HannWindow;
import io.wkmp.ingest.core.audio.AudioFormat;
import io.wkmp.ingest.core.audio.PcmBlock;
import io.wkmp.ingest.core.audio.PcmConsumer;
import java.util.Arrays;

/**
 * The spectral numbers of one file's mono mix, per hop, for {@link LocalFlavorAnalyzer}: the spectrum of {@value
 * #BAND_HZ} Hz and below, in Hann-windowed frames of about 93 ms (2048 samples at 22.05 kHz, the power of two nearest
 * that length at other rates) with half-frame hops, taken at the file's own rate, so the values are those of a 22.05
 * kHz analysis without resampling the stream. Of each frame's spectrum every other bin is used (about 21.5 Hz apart),
 * computed by a transform of half the frame's size. Keeps about 100 bytes a second of audio, never the samples. Not
 * thread-safe.
 */
class SpectralFrames implements PcmConsumer {
    /** The highest frequency the spectral values look at (the Nyquist frequency of 22.05 kHz). */
    static final int BAND_HZ = 11_025;
    /** Spectral bins whose powers are multiplied before one logarithm is taken (for the flatness). */
    private static final int LOG_RUN = 16;

    int rate;
    int frameSize;
    int hop;
    /** Bins 1 .. bins - 1 (of the even bins of a frame's spectrum, rate / (frameSize / 2) Hz apart) lie within
     * {@value #BAND_HZ} Hz. */
    private int bins;

    private int channels;
    private float scale;
    private FFT fft;
    private float[] window;
    private float[] buf;
    private float[] hann;
    private float[] amp;
    private float[] prev;
    private int filled;
    /** Sum of squares of each hop's samples (hop h: samples [h hop, (h + 1) hop)). */
    double[] squares = new double[1024];

    int hops;
    private double hopSquares;
    private int inHop;
    /** Per frame f (samples [f hop, f hop + frameSize)): flux, and centroid/roll-off/flatness (NaN when silent). */
    float[] flux = new float[1024];

    float[] centroid = new float[1024];
    float[] rolloff = new float[1024];
    float[] flatness = new float[1024];
    int frames;
    boolean decoded;

    @Override
    public void start(AudioFormat format) {
        rate = format.sampleRate();
        channels = format.channels();
        scale = 1f / (32768f * channels);
        frameSize = Integer.highestOneBit((int) Math.round(2048 * rate / 22_050.0 * Math.sqrt(2)));
        frameSize = Math.max(64, frameSize);
        hop = frameSize / 2;
        int half = frameSize / 2;
        bins = (int) Math.min(half / 2, Math.floor((double) BAND_HZ * half / rate) + 1);
        fft = new FFT(half); // no window of its own: the frame is windowed, then folded, in frame()
        hann = new HannWindow().generateCurve(frameSize);
        window = new float[frameSize];
        buf = new float[half];
        amp = new float[bins];
        prev = new float[bins];
    }

    @Override
    public void accept(PcmBlock block) {
        short[] s = block.samples();
        int n = block.frames();
        int ch = channels;
        int i = 0;
        int at = 0;
        while (i < n) {
            // a run of mono samples up to the next hop or frame end, in local variables
            int run = Math.min(n - i, Math.min(hop - inHop, frameSize - filled));
            float[] w = window;
            int f = filled;
            double squares = 0;
            if (ch == 2) {
                for (int end = f + run; f < end; f++, at += 2) {
                    float v = (s[at] + s[at + 1]) * scale;
                    w[f] = v;
                    squares += (double) v * v;
                }
            } else {
                for (int end = f + run; f < end; f++) {
                    int sum = 0;
                    for (int c = 0; c < ch; c++) {
                        sum += s[at++];
                    }
                    float v = sum * scale;
                    w[f] = v;
                    squares += (double) v * v;
                }
            }
            filled = f;
            hopSquares += squares;
            inHop += run;
            i += run;
            if (inHop == hop) {
                if (hops == this.squares.length) {
                    this.squares = Arrays.copyOf(this.squares, hops * 2);
                }
                this.squares[hops++] = hopSquares;
                hopSquares = 0;
                inHop = 0;
            }
            if (filled == frameSize) {
                frame();
                System.arraycopy(window, hop, window, 0, frameSize - hop);
                filled = frameSize - hop;
            }
        }
    }

    @Override
    public void finish() {
        decoded = true;
    }

    private void frame() {
        // the even bins of the windowed frame's spectrum, from a transform of half the size: bin 2m of a
        // length-N transform is bin m of the length-N/2 transform of the frame folded onto its first half
        int half = frameSize / 2;
        for (int n = 0; n < half; n++) {
            buf[n] = window[n] * hann[n] + window[n + half] * hann[n + half];
        }
        fft.forwardTransform(buf);
        // only the bins within BAND_HZ are needed: their modulus, and one logarithm per LOG_RUN bins (the log
        // of a product of up to LOG_RUN values between 1e-12 and about 1e8 stays well inside the double range)
        double sum = 0, power = 0, logSum = 0, weighted = 0, fl = 0, product = 1;
        int inProduct = 0;
        for (int k = 1; k < bins; k++) {
            double re = buf[2 * k], im = buf[2 * k + 1];
            double p = re * re + im * im;
            double a = Math.sqrt(p);
            amp[k] = (float) a;
            sum += a;
            power += p;
            product *= p + 1e-12;
            if (++inProduct == LOG_RUN) {
                logSum += Math.log(product);
                product = 1;
                inProduct = 0;
            }
            weighted += a * k;
            fl += Math.max(0, a - prev[k]);
        }
        logSum += Math.log(product);
        weighted *= hz(1);
        System.arraycopy(amp, 1, prev, 1, bins - 1);
        if (frames == flux.length) {
            int size = frames * 2;
            flux = Arrays.copyOf(flux, size);
            centroid = Arrays.copyOf(centroid, size);
            rolloff = Arrays.copyOf(rolloff, size);
            flatness = Arrays.copyOf(flatness, size);
        }
        flux[frames] = (float) fl;
        if (sum <= 1e-6) {
            centroid[frames] = Float.NaN;
            rolloff[frames] = Float.NaN;
            flatness[frames] = Float.NaN;
        } else {
            centroid[frames] = (float) (weighted / sum);
            flatness[frames] = (float) (Math.exp(logSum / (bins - 1)) / (power / (bins - 1)));
            double acc = 0;
            float r = 0;
            for (int k = 1; k < bins; k++) {
                acc += amp[k] * amp[k];
                if (acc >= 0.85 * power) {
                    r = (float) hz(k);
                    break;
                }
            }
            rolloff[frames] = r;
        }
        frames++;
    }

    private double hz(int bin) {
        return bin * 2.0 * rate / frameSize;
    }
}
