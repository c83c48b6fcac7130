package io.wkmp.ingest.core.analysis;

/** Whether a passage got a fingerprint. */
public enum FingerprintStatus {
    /** Fingerprinted (the first N seconds of the passage). */
    OK,
    /** Too short for Chromaprint to produce a fingerprint; not an error. */
    NOT_FINGERPRINTABLE,
    /** The fingerprinter failed on this passage. */
    FAILED
}
