package io.wkmp.ingest.core.identification;

/** Outcome of the confidence assessment of a passage's MBID. */
public enum Decision {
    /** High confidence: the MBID is written. */
    ACCEPT,
    /** Plausible: the MBID is written and flagged for manual verification. */
    REVIEW,
    /** Insufficient confidence: the passage stays a zero-song passage. */
    REJECT,
    /** Not assessed yet (offline, no key, service down): a later run identifies it without decoding again. */
    PENDING
}
