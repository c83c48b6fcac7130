package io.wkmp.ingest.core.audio;

/**
 * A run of decoded audio: interleaved signed 16-bit samples. Not a record: it wraps a buffer that the
 * decoder may reuse after {@link PcmConsumer#accept} returns, so consumers copy what they keep.
 */
public final class PcmBlock {
    private final short[] samples;
    private final int frames;
    private final int channels;
    private final long firstFrame;

    /**
     * @param samples interleaved samples; the first {@code frames x channels} are valid
     * @param firstFrame index of the first frame of this block in the whole stream
     */
    public PcmBlock(short[] samples, int frames, int channels, long firstFrame) {
        if (frames < 0 || channels < 1 || (long) frames * channels > samples.length) {
            throw new IllegalArgumentException("block of " + frames + " frames x " + channels
                    + " channels does not fit " + samples.length + " samples");
        }
        this.samples = samples;
        this.frames = frames;
        this.channels = channels;
        this.firstFrame = firstFrame;
    }

    /** The interleaved sample buffer (shared, valid up to {@code frames() x channels()}). */
    public short[] samples() {
        return samples;
    }

    public int frames() {
        return frames;
    }

    public int channels() {
        return channels;
    }

    public long firstFrame() {
        return firstFrame;
    }

    /** The mean of all channels of frame {@code i}, scaled to [-1, 1). */
    public double monoSample(int i) {
        int base = i * channels;
        int sum = 0;
        for (int c = 0; c < channels; c++) {
            sum += samples[base + c];
        }
        return sum / (32768.0 * channels);
    }
}
