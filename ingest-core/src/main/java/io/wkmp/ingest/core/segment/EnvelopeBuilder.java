package io.wkmp.ingest.core.segment;

import io.wkmp.ingest.core.audio.AudioFormat;
import io.wkmp.ingest.core.audio.PcmBlock;
import io.wkmp.ingest.core.audio.PcmConsumer;

/**
 * Builds an {@link Envelope} from streamed PCM: mean square per window (window defined in milliseconds),
 * and, inside each window, the first and last sample of the "loud" sub-blocks (sub-blocks of about 1 ms
 * whose RMS reaches the silence threshold). Each completed window is passed to a {@link WindowListener}.
 */
public final class EnvelopeBuilder implements PcmConsumer {
    /** Told about each window once it is complete. */
    public interface WindowListener {
        void window(Envelope envelope, int index);

        default void end(Envelope envelope) {}
    }

    private static final int MIN_SUB_BLOCK = 32;

    private final int windowMs;
    private final double thresholdMeanSq;
    private final int thresholdAmp;
    private final WindowListener listener;
    private Envelope envelope;
    private int subFrames;
    /** Converts a sum of squared 16-bit samples over all channels to a mean-square contribution in [0, 1]. */
    private double scale;

    private long frame;
    private long windowSumSq;
    private int windowFill;
    private int firstLoud = Envelope.NONE;
    private int lastLoud = Envelope.NONE;
    private long subSumSq;
    private int subFill;
    private int subFirstAbove = -1;
    private int subLastAbove = -1;

    /** @param thresholdDbfs RMS level at or above which a sub-block is loud */
    public EnvelopeBuilder(int windowMs, double thresholdDbfs, WindowListener listener) {
        this.windowMs = windowMs;
        double lin = Math.pow(10, thresholdDbfs / 20);
        this.thresholdMeanSq = lin * lin;
        this.thresholdAmp = (int) Math.ceil(lin * 32768);
        this.listener = listener;
    }

    @Override
    public void start(AudioFormat format) {
        int windowFrames = (int) Math.max(1, Math.round(format.sampleRate() * (double) windowMs / 1000));
        envelope = new Envelope(format.sampleRate(), windowFrames);
        subFrames = Math.min(windowFrames, Math.max(MIN_SUB_BLOCK, format.sampleRate() / 1000));
        scale = 1.0 / (format.channels() * 1073741824.0);
    }

    /**
     * The hot loop of the analysis (every sample of every file passes here): integer sums in locals over runs
     * that end at the next sub-block or window boundary; the mean square is formed once per sub-block and window.
     */
    @Override
    public void accept(PcmBlock block) {
        short[] s = block.samples();
        int ch = block.channels();
        int windowFrames = envelope.windowFrames();
        int threshold = thresholdAmp;
        int frames = block.frames();
        int f = 0;
        while (f < frames) {
            int run = Math.min(frames - f, Math.min(subFrames - subFill, windowFrames - windowFill));
            int from = f * ch;
            int to = from + run * ch;
            long sum = 0;
            for (int i = from; i < to; i++) {
                int x = s[i];
                sum += x * x;
            }
            // A frame is loud when any of its samples is: the first and last loud samples, over all channels,
            // give the first and last loud frames, so no loop over channels is needed; both scans stop early
            // in music, and the second is skipped when the run is quiet.
            int first = -1;
            int last = -1;
            for (int i = from; i < to; i++) {
                if (Math.abs(s[i]) >= threshold) {
                    first = (i - from) / ch;
                    break;
                }
            }
            if (first >= 0) {
                for (int i = to - 1; ; i--) {
                    if (Math.abs(s[i]) >= threshold) {
                        last = (i - from) / ch;
                        break;
                    }
                }
            }
            if (first >= 0) {
                if (subFirstAbove < 0) {
                    subFirstAbove = windowFill + first;
                }
                subLastAbove = windowFill + last;
            }
            subSumSq += sum;
            windowSumSq += sum;
            subFill += run;
            windowFill += run;
            frame += run;
            f += run;
            if (subFill == subFrames || windowFill == windowFrames) {
                closeSubBlock();
            }
            if (windowFill == windowFrames) {
                closeWindow();
            }
        }
    }

    @Override
    public void finish() {
        if (subFill > 0) {
            closeSubBlock();
        }
        if (windowFill > 0) {
            closeWindow();
        }
        envelope.setTotalFrames(frame);
        listener.end(envelope);
    }

    /** The envelope built so far (complete after {@link #finish()}). */
    public Envelope envelope() {
        return envelope;
    }

    private void closeSubBlock() {
        if (subSumSq * scale / subFill >= thresholdMeanSq) {
            int subStart = windowFill - subFill;
            if (firstLoud == Envelope.NONE) {
                firstLoud = subFirstAbove >= 0 ? subFirstAbove : subStart;
            }
            lastLoud = subLastAbove >= 0 ? subLastAbove + 1 : windowFill;
        }
        subSumSq = 0;
        subFill = 0;
        subFirstAbove = -1;
        subLastAbove = -1;
    }

    private void closeWindow() {
        envelope.add(windowSumSq * scale / windowFill, firstLoud, lastLoud);
        envelope.setTotalFrames(frame);
        windowSumSq = 0;
        windowFill = 0;
        firstLoud = Envelope.NONE;
        lastLoud = Envelope.NONE;
        listener.window(envelope, envelope.size() - 1);
    }
}
