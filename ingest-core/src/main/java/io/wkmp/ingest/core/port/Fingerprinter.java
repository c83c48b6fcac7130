package io.wkmp.ingest.core.port;

/** Computes Chromaprint fingerprints of audio pushed to it; one {@link Session} per segment. Thread-safe; sessions are not. */
public interface Fingerprinter {
    /** Opens a session for interleaved 16-bit PCM at {@code sampleRate} with {@code channels}; close it always. */
    Session open(int sampleRate, int channels);

    /** One fingerprint in the making; holds native resources until closed. */
    interface Session extends AutoCloseable {
        /** Adds {@code sampleCount} interleaved samples from {@code pcm} starting at {@code offset}. */
        void feed(short[] pcm, int offset, int sampleCount);

        /** Ends the input and returns the fingerprint. */
        Fingerprint finish();

        @Override
        void close();
    }

    /**
     * A fingerprint: Chromaprint's compressed base64 form (what AcoustID takes) and its raw 32-bit items.
     * Arrays compare by identity; compare {@code encoded} or the raw contents.
     */
    record Fingerprint(String encoded, int[] raw) {}
}
