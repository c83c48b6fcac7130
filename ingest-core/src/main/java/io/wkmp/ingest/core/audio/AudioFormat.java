package io.wkmp.ingest.core.audio;

/**
 * The decoded stream of a file: native sample rate and channel count (decoders never resample).
 *
 * @param codec codec name as the decoder reports it ("flac", "mp3", "opus", ...)
 * @param durationTicks duration the container states (ffprobe's rounded seconds; for MP3 it includes the encoder's
 *     padding), or -1 when unknown: a hint for sizing and truncation checks, never stored as the file's duration
 *     (that is the decoded length, {@link io.wkmp.ingest.core.analysis.AudioAnalysis#durationTicks()})
 */
public record AudioFormat(int sampleRate, int channels, int bitsPerSample, String codec, long durationTicks) {
    public AudioFormat {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be > 0 Hz, got " + sampleRate);
        }
        if (channels < 1 || channels > 32) {
            throw new IllegalArgumentException("channels must be within [1, 32], got " + channels);
        }
    }
}
