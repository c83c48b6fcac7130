package io.wkmp.ingest.adapters.flavor;

import be.tarsos.dsp.util.fft.FFT;
import be.tarsos.dsp.util.fft.HannWindow;
import io.wkmp.ingest.core.flavor.Flavor;
import io.wkmp.ingest.core.port.FlavorSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flavour computed here, offline, from the passage's audio (ffmpeg decode, TarsosDSP FFT): tempo (bpm, from
 * the autocorrelation of the spectral flux), onset rate, spectral centroid, roll-off (85 %) and flatness,
 * loudness (RMS dBFS) and dynamic range (95th minus 10th percentile of 0.4 s levels). Source "local". At most
 * {@value #MAX_SECONDS} s of a passage are analysed. Empty for silence or undecodable audio. Thread-safe.
 */
public final class LocalFlavorAnalyzer implements FlavorSource {
    static final int RATE = 22_050;
    static final double MAX_SECONDS = 120;
    private static final int FRAME = 2048;
    private static final int HOP = 1024;
    private static final double SILENCE_DBFS = -70;
    private static final Logger LOG = LoggerFactory.getLogger(LocalFlavorAnalyzer.class);

    @Override
    public Optional<Flavor> flavorOf(String recordingMbid, Path file, long startTicks, long endTicks) {
        float[] x;
        try {
            x = PassageAudio.decodeMono(file, startTicks, endTicks, RATE, MAX_SECONDS);
        } catch (IOException e) {
            LOG.warn("local flavour: {} not decodable: {}", file.getFileName(), e.getMessage());
            return Optional.empty();
        }
        return analyze(x);
    }

    /** The flavour of mono samples at {@value #RATE} Hz; empty when too short or silent. */
    static Optional<Flavor> analyze(float[] x) {
        if (x.length < FRAME * 4 || db(rms(x, 0, x.length)) < SILENCE_DBFS) {
            return Optional.empty();
        }
        FFT fft = new FFT(FRAME, new HannWindow());
        int frames = (x.length - FRAME) / HOP + 1;
        float[] buf = new float[FRAME];
        float[] amp = new float[FRAME / 2];
        float[] prev = new float[FRAME / 2];
        double[] flux = new double[frames];
        double centroid = 0, rolloff = 0, flatness = 0;
        int voiced = 0;
        for (int f = 0; f < frames; f++) {
            System.arraycopy(x, f * HOP, buf, 0, FRAME);
            fft.forwardTransform(buf);
            fft.modulus(buf, amp);
            double sum = 0, power = 0, logSum = 0, weighted = 0;
            for (int k = 1; k < amp.length; k++) {
                double a = amp[k];
                sum += a;
                power += a * a;
                logSum += Math.log(a * a + 1e-12);
                weighted += a * hz(k);
                flux[f] += Math.max(0, a - prev[k]);
            }
            System.arraycopy(amp, 0, prev, 0, amp.length);
            if (sum <= 1e-6) {
                continue;
            }
            voiced++;
            centroid += weighted / sum;
            flatness += Math.exp(logSum / (amp.length - 1)) / (power / (amp.length - 1));
            double acc = 0;
            for (int k = 1; k < amp.length; k++) {
                acc += amp[k] * amp[k];
                if (acc >= 0.85 * power) {
                    rolloff += hz(k);
                    break;
                }
            }
        }
        Map<String, Double> v = new LinkedHashMap<>();
        double seconds = x.length / (double) RATE;
        v.put("bpm", tempo(flux));
        v.put("onset_rate", onsets(flux) / seconds);
        v.put("spectral_centroid_hz", centroid / Math.max(1, voiced));
        v.put("spectral_rolloff_hz", rolloff / Math.max(1, voiced));
        v.put("spectral_flatness", flatness / Math.max(1, voiced));
        v.put("loudness_dbfs", db(rms(x, 0, x.length)));
        v.put("dynamic_range_db", dynamicRange(x));
        return Optional.of(new Flavor("local", v));
    }

    private static double hz(int bin) {
        return bin * (double) RATE / FRAME;
    }

    /** Beats per minute: the lag of the largest flux autocorrelation between 60 and 200 bpm. */
    private static double tempo(double[] flux) {
        double mean = Arrays.stream(flux).average().orElse(0);
        double hopSeconds = HOP / (double) RATE;
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

    private static double dynamicRange(float[] x) {
        int block = (int) (0.4 * RATE);
        double[] levels = new double[x.length / block];
        int n = 0;
        for (int i = 0; i + block <= x.length; i += block) {
            double l = db(rms(x, i, block));
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

    private static double rms(float[] x, int from, int len) {
        double s = 0;
        for (int i = from; i < from + len; i++) {
            s += x[i] * x[i];
        }
        return Math.sqrt(s / Math.max(1, len));
    }

    private static double db(double rms) {
        return 20 * Math.log10(Math.max(rms, 1e-10));
    }
}
