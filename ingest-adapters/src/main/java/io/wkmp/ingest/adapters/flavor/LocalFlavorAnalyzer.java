package io.wkmp.ingest.adapters.flavor;

import io.wkmp.ingest.adapters.ffmpeg.FfmpegAudioDecoder;
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
 * <p>The spectral values are those of {@link SpectralFrames}. In an import it is fed by the file's one decode ({@link
 * #forFile}), which keeps a few numbers per hop for the whole file, and a passage's flavour is computed from the hops
 * inside it. Thread-safe.
 */
public final class LocalFlavorAnalyzer implements FlavorSource {
    static final double MAX_SECONDS = 120;
    /** Seconds of one level block of the dynamic range. */
    private static final double BLOCK_SECONDS = 0.4;

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

    /** One file's flavours, read from its {@link SpectralFrames}. */
    static final class Features extends SpectralFrames implements FileFlavors {
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
