package io.wkmp.ingest.core.port;

/** One fingerprint to look up: Chromaprint's compressed base64 string and the passage's whole seconds. */
public record FingerprintQuery(String fingerprint, int durationSeconds) {
    /** The query of a passage: its fingerprint and its length rounded to whole seconds. */
    public static FingerprintQuery of(String fingerprint, double seconds) {
        return new FingerprintQuery(fingerprint, (int) Math.round(seconds));
    }
}
