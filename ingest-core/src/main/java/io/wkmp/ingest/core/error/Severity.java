package io.wkmp.ingest.core.error;

/** How an import problem affects the session (spec AIA-ERR-010). */
public enum Severity {
    /** Logged and reported; the file is still imported (missing album art, no AcousticBrainz data). */
    WARNING,
    /** The file is skipped with its code; the import goes on with the other files. */
    SKIP_FILE,
    /** The session stops as FAILED; everything already committed stays committed. */
    CRITICAL
}
