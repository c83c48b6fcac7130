package io.wkmp.ingest.core.analysis;

import io.wkmp.ingest.core.audio.AudioFormat;
import io.wkmp.ingest.core.audio.PcmBlock;
import io.wkmp.ingest.core.audio.PcmConsumer;
import io.wkmp.ingest.core.error.IngestException;
import io.wkmp.ingest.core.port.Fingerprinter;
import io.wkmp.ingest.core.segment.SilenceSegmenter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Feeds each segment's first N seconds to its own fingerprint session during the single decode.
 * PCM passes through a delay line long enough for every boundary to be known (a silence is confirmed
 * only after its minimum duration) before the audio around it leaves the line, so each session gets
 * exactly [segment start, segment end) and no silence. At most one session is open at a time and it
 * holds at most N seconds, so memory stays bounded whatever the file's length. Not thread-safe.
 */
final class FingerprintFeeder implements PcmConsumer, SilenceSegmenter.BoundaryListener, AutoCloseable {
    private final Fingerprinter fingerprinter;
    private final int maxSeconds;
    private final long delayMs;
    private final ArrayDeque<long[]> events = new ArrayDeque<>();
    private final List<SegmentFingerprint> results = new ArrayList<>();
    private final DelayLine line = new DelayLine();
    private int rate;
    private int channels;
    private int feedChannels;
    private short[] mix = new short[0];
    private long sessionStart = -1;
    private long fed;
    private Fingerprinter.Session session;
    private boolean recorded;
    private String failure;

    /** @param delayMs lag between decode and feed; must exceed the time a boundary takes to become certain */
    FingerprintFeeder(Fingerprinter fingerprinter, int maxSeconds, long delayMs) {
        this.fingerprinter = fingerprinter;
        this.maxSeconds = maxSeconds;
        this.delayMs = delayMs;
    }

    @Override
    public void started(long frame) {
        events.add(new long[] {frame, 1});
    }

    @Override
    public void ended(long frame) {
        events.add(new long[] {frame, 0});
    }

    @Override
    public void start(AudioFormat format) {
        rate = format.sampleRate();
        channels = format.channels();
        feedChannels = channels <= 2 ? channels : 1;
        line.init(channels, (delayMs * rate + 999) / 1000);
    }

    @Override
    public void accept(PcmBlock block) {
        line.push(block, this::route);
    }

    @Override
    public void finish() {
        line.drain(this::route);
        while (!events.isEmpty()) {
            apply(events.poll());
        }
    }

    /** One outcome per segment start seen, in order. */
    List<SegmentFingerprint> results() {
        return List.copyOf(results);
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    private void route(short[] pcm, long firstFrame, int frames) {
        int done = 0;
        while (done < frames) {
            long pos = firstFrame + done;
            while (!events.isEmpty() && events.peek()[0] <= pos) {
                apply(events.poll());
            }
            long limit = events.isEmpty() ? firstFrame + frames : Math.min(firstFrame + frames, events.peek()[0]);
            int n = (int) (limit - pos);
            if (sessionStart >= 0) {
                feed(pcm, done, n);
            }
            done += n;
        }
    }

    private void apply(long[] event) {
        if (event[1] == 1) {
            sessionStart = event[0];
            fed = 0;
            recorded = false;
            failure = null;
            openSession();
        } else {
            if (sessionStart >= 0 && !recorded) {
                record();
            }
            sessionStart = -1;
        }
    }

    private void openSession() {
        try {
            session = fingerprinter.open(rate, feedChannels);
        } catch (IngestException e) {
            failure = e.getMessage();
        }
    }

    private void feed(short[] pcm, int offsetFrames, int frames) {
        if (recorded) {
            return;
        }
        int n = (int) Math.min(frames, budget() - fed);
        if (session != null) {
            try {
                if (feedChannels == channels) {
                    session.feed(pcm, offsetFrames * channels, n * channels);
                } else {
                    session.feed(downmix(pcm, offsetFrames, n), 0, n);
                }
            } catch (IngestException e) {
                failure = e.getMessage();
                close();
            }
        }
        fed += n;
        if (fed >= budget()) {
            record();
        }
    }

    private long budget() {
        return (long) maxSeconds * rate;
    }

    private void record() {
        SegmentFingerprint outcome;
        if (session == null) {
            outcome = new SegmentFingerprint(sessionStart, FingerprintStatus.FAILED, null, failure);
        } else {
            try {
                Fingerprinter.Fingerprint fp = session.finish();
                outcome = fp.raw().length == 0
                        ? new SegmentFingerprint(
                                sessionStart,
                                FingerprintStatus.NOT_FINGERPRINTABLE,
                                null,
                                "too short for Chromaprint (" + fed + " frames)")
                        : new SegmentFingerprint(sessionStart, FingerprintStatus.OK, fp, null);
            } catch (IngestException e) {
                outcome = new SegmentFingerprint(sessionStart, FingerprintStatus.FAILED, null, e.getMessage());
            } finally {
                close();
            }
        }
        results.add(outcome);
        recorded = true;
    }

    private short[] downmix(short[] pcm, int offsetFrames, int frames) {
        if (mix.length < frames) {
            mix = new short[frames];
        }
        for (int f = 0; f < frames; f++) {
            int base = (offsetFrames + f) * channels;
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += pcm[base + c];
            }
            mix[f] = (short) (sum / channels);
        }
        return mix;
    }
}
