package io.wkmp.ingest.adapters.flavor;

import be.tarsos.dsp.util.fft.FFT;
import be.tarsos.dsp.util.fft.HannWindow;
import io.wkmp.ingest.adapters.ffmpeg.FfmpegAudioDecoder;
import io.wkmp.ingest.core.audio.AudioFormat;
import io.wkmp.ingest.core.audio.PcmBlock;
import io.wkmp.ingest.core.error.IngestException;
import io.wkmp.ingest.core.flavor.Flavor;
import io.wkmp.ingest.core.port.AudioDecoder;
import io.wkmp.ingest.core.port.FlavorSource;
import io.wkmp.ingest.core.time.Ticks;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flavour computed here, offline, from the passage's audio (TarsosDSP FFT of the mono mix): tempo (bpm, from the
 * autocorrelation of the spectral flux), onset rate, spectral centroid, roll-off (85 %) and flatness, loudness (RMS
 * dBFS) and dynamic range (95th minus 10th percentile of about 0.4 s levels). Source "local". At most {@value
 * #MAX_SECONDS} s of a passage are analysed. Empty for silence or undecodable audio.
 *
 * <p>The spectrum is that of {@value #BAND_HZ} Hz and below, in Hann-windowed frames of about 93 ms (2048 samples at
 * 22.05 kHz, the power of two nearest that length at other rates) with half-frame hops, taken at the file's own rate:
 * the values are those of a 22.05 kHz analysis without resampling the stream. Of each frame's spectrum every other
 * bin is used (about 21.5 Hz apart), computed by a transform of half the frame's size.
 *
 * <p>In an import it is fed by the file's one decode ({@link #forFile}): per hop it keeps a few numbers for the whole
 * file (about 100 bytes a second of audio, never the samples), and a passage's flavour is computed from the hops
 * inside it. Thread-safe.
 */
public final class LocalFlavorAnalyzer implements FlavorSource {
    static final double MAX_SECONDS = 120;
    /** The highest frequency the spectral values look at (the Nyquist frequency of 22.05 kHz). */
    static final int BAND_HZ = 11_025;
    /** Seconds of one level block of the dynamic range. */
    private static final double BLOCK_SECONDS = 0.4;
    /** Spectral bins whose powers are multiplied before one logarithm is taken (for the flatness). */
    private static final int LOG_RUN = 16;

    private static final double SILENCE_DBFS = -70;
    private static final Logger LOG = LoggerFactory.getLogger(LocalFlavorAnalyzer.class);

    private final AudioDecoder decoder;

    /** Decodes with ffmpeg when asked about a file outside an import's decode. */
    public LocalFlavorAnalyzer() {
        this(new FfmpegAudioDecoder());
    }

    public LocalFlavorAnalyzer(AudioDecoder decoder) {
        this.decoder = decoder;
    }

    /** Decodes {@code file} on its own: in an import, {@link #forFile} takes the samples from the import's decode. */
    @Override
    public Optional<Flavor> flavorOf(String recordingMbid, Path file, long startTicks, long endTicks) {
        Features f = new Features();
        try {
            decoder.decode(file, f);
        } catch (IngestException | java.io.UncheckedIOException e) {
            LOG.warn("local flavour: {} not decodable: {}", file.getFileName(), e.getMessage());
            return Optional.empty();
        }
        return f.flavorOf(recordingMbid, startTicks, endTicks);
    }

    @Override
    public FileFlavors forFile(Path file) {
        return new Features();
    }

    /** Per-hop spectral numbers of one file, from its decode; a passage's flavour is read from them. */
    static final class Features implements FileFlavors {
        private int rate;
        private int frameSize;
        private int hop;
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
        private double[] squares = new double[1024];

        private int hops;
        private double hopSquares;
        private int inHop;
        /** Per frame f (samples [f hop, f hop + frameSize)): flux, and centroid/roll-off/flatness (NaN when silent). */
        private float[] flux = new float[1024];

        private float[] centroid = new float[1024];
        private float[] rolloff = new float[1024];
        private float[] flatness = new float[1024];
        private int frames;
        private boolean decoded;

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

        /** The flavour of the first {@value #MAX_SECONDS} s of [start, end); empty when too short or silent. */
        @Override
        public Optional<Flavor> flavorOf(String recordingMbid, long startTicks, long endTicks) {
            if (!decoded) {
                return Optional.empty();
            }
            long from = Ticks.toSamples(startTicks, rate);
            long to = Math.min(Ticks.toSamples(endTicks, rate), from + (long) (MAX_SECONDS * rate));
            int h0 = (int) Math.min(hops, (from + hop - 1) / hop);
            int h1 = (int) Math.min(hops, to / hop);
            int f1 = (int) Math.min(frames, Math.max(h0, (to - frameSize) / hop + 1));
            if (to - from < frameSize * 4L || f1 - h0 < 4 || db(rms(h0, h1)) < SILENCE_DBFS) {
                return Optional.empty();
            }
            double[] fx = new double[f1 - h0];
            double c = 0, r = 0, fl = 0;
            int voiced = 0;
            for (int f = h0; f < f1; f++) {
                fx[f - h0] = flux[f];
                if (!Float.isNaN(centroid[f])) {
                    voiced++;
                    c += centroid[f];
                    r += rolloff[f];
                    fl += flatness[f];
                }
            }
            Map<String, Double> v = new LinkedHashMap<>();
            double hopSeconds = hop / (double) rate;
            double seconds = (h1 - h0) * hopSeconds;
            v.put("bpm", tempo(fx, hopSeconds));
            v.put("onset_rate", onsets(fx) / seconds);
            v.put("spectral_centroid_hz", c / Math.max(1, voiced));
            v.put("spectral_rolloff_hz", r / Math.max(1, voiced));
            v.put("spectral_flatness", fl / Math.max(1, voiced));
            v.put("loudness_dbfs", db(rms(h0, h1)));
            v.put("dynamic_range_db", dynamicRange(h0, h1));
            return Optional.of(new Flavor("local", v));
        }

        private double rms(int h0, int h1) {
            double s = 0;
            for (int h = h0; h < h1; h++) {
                s += squares[h];
            }
            return Math.sqrt(s / Math.max(1, (long) (h1 - h0) * hop));
        }

        private double dynamicRange(int h0, int h1) {
            int block = (int) Math.max(1, Math.round(BLOCK_SECONDS * rate / hop));
            double[] levels = new double[(h1 - h0) / block];
            int n = 0;
            for (int h = h0; h + block <= h1; h += block) {
                double l = db(rms(h, h + block));
                if (l > SILENCE_DBFS) {
                    levels[n++] = l;
                }
            }
            if (n == 0) {
                return 0;
            }
            double[] sorted = Arrays.copyOf(levels, n);
            Arrays.sort(sorted);
            return sorted[(int) Math.floor(0.95 * (n - 1))] - sorted[(int) Math.floor(0.10 * (n - 1))];
        }
    }

    /** Beats per minute: the lag of the largest flux autocorrelation between 60 and 200 bpm. */
    private static double tempo(double[] flux, double hopSeconds) {
        double mean = Arrays.stream(flux).average().orElse(0);
        int minLag = (int) Math.floor(60.0 / 200 / hopSeconds), maxLag = (int) Math.ceil(60.0 / 60 / hopSeconds);
        double best = -Double.MAX_VALUE;
        int bestLag = minLag;
        for (int lag = minLag; lag <= Math.min(maxLag, flux.length - 1); lag++) {
            double c = 0;
            for (int i = lag; i < flux.length; i++) {
                c += (flux[i] - mean) * (flux[i - lag] - mean);
            }
            c /= flux.length - lag;
            if (c > best) {
                best = c;
                bestLag = lag;
            }
        }
        return 60.0 / (bestLag * hopSeconds);
    }

    /** Local maxima of the flux above mean + 1.5 standard deviations. */
    private static int onsets(double[] flux) {
        double mean = Arrays.stream(flux).average().orElse(0);
        double sd = Math.sqrt(
                Arrays.stream(flux).map(f -> (f - mean) * (f - mean)).average().orElse(0));
        int n = 0;
        for (int i = 1; i + 1 < flux.length; i++) {
            if (flux[i] > mean + 1.5 * sd && flux[i] >= flux[i - 1] && flux[i] > flux[i + 1]) {
                n++;
            }
        }
        return n;
    }

    private static double db(double rms) {
        return 20 * Math.log10(Math.max(rms, 1e-10));
    }
}
