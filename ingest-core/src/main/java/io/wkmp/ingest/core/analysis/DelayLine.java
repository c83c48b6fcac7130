package io.wkmp.ingest.core.analysis;

import io.wkmp.ingest.core.audio.PcmBlock;

/** A FIFO of interleaved PCM that releases frames once more than {@code delay} frames are held. */
final class DelayLine {
    /** Receives released frames: {@code frames} frames of {@code pcm} starting at index 0, first frame number given. */
    interface Sink {
        void take(short[] pcm, long firstFrame, int frames);
    }

    private static final int CHUNK_FRAMES = 8192;

    private short[] ring;
    private short[] out;
    private int channels;
    private long delay;
    private long head;
    private long tail;

    void init(int channelCount, long delayFrames) {
        this.channels = channelCount;
        this.delay = delayFrames;
        long cap = (delayFrames + CHUNK_FRAMES) * channelCount;
        if (cap > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("delay of " + delayFrames + " frames is too long");
        }
        ring = new short[(int) cap];
        out = new short[CHUNK_FRAMES * channelCount];
    }

    void push(PcmBlock block, Sink sink) {
        short[] s = block.samples();
        int frames = block.frames();
        int done = 0;
        while (done < frames) {
            int room = (int) (ring.length / channels - (tail - head));
            int n = Math.min(room, frames - done);
            write(s, done, n);
            done += n;
            release(sink, delay);
        }
    }

    void drain(Sink sink) {
        release(sink, 0);
    }

    private void write(short[] s, int fromFrame, int frames) {
        copyRing(s, fromFrame * channels, tail, frames * channels, true);
        tail += frames;
    }

    private void release(Sink sink, long keep) {
        while (tail - head > keep) {
            int n = (int) Math.min(CHUNK_FRAMES, tail - head - keep);
            copyRing(out, 0, head, n * channels, false);
            sink.take(out, head, n);
            head += n;
        }
    }

    /** Copies {@code count} samples between {@code buf[off..]} and the ring at frame {@code frame}, in two runs at most. */
    private void copyRing(short[] buf, int off, long frame, int count, boolean intoRing) {
        int pos = (int) (frame % (ring.length / channels)) * channels;
        int first = Math.min(count, ring.length - pos);
        if (intoRing) {
            System.arraycopy(buf, off, ring, pos, first);
            System.arraycopy(buf, off + first, ring, 0, count - first);
        } else {
            System.arraycopy(ring, pos, buf, off, first);
            System.arraycopy(ring, 0, buf, off + first, count - first);
        }
    }
}
