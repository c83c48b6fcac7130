package io.wkmp.ingest.core.error;

/**
 * Stable error codes, as they appear on the wire (REST, SSE, the command line's JSON summary).
 * Each code has the severity it has unless the caller states otherwise.
 */
public enum ErrorCode {
    // skip-file: the file cannot be imported
    DECODE_ERROR(Severity.SKIP_FILE, "the audio could not be decoded"),
    UNSUPPORTED_FORMAT(Severity.SKIP_FILE, "the file is not in a supported audio format"),
    FILE_UNREADABLE(Severity.SKIP_FILE, "the file could not be read"),
    FILE_CHANGED(Severity.SKIP_FILE, "the file changed while it was being imported"),
    INTERNAL_ERROR(Severity.SKIP_FILE, "an unexpected error occurred while importing the file"),

    // warnings: the file is imported with less information
    NO_AUDIO(Severity.WARNING, "the file contains no audio above the silence threshold"),
    TAG_READ_FAILED(Severity.WARNING, "the tags could not be read"),
    COVER_ART_INVALID(Severity.WARNING, "embedded cover art is not a valid image"),
    CUE_SHEET_INVALID(Severity.WARNING, "the cue sheet is broken or does not match the audio"),
    NOT_FINGERPRINTABLE(Severity.WARNING, "the passage is too short to fingerprint"),
    FINGERPRINT_FAILED(Severity.WARNING, "the fingerprint could not be computed"),
    ACOUSTID_LOOKUP_FAILED(Severity.WARNING, "the AcoustID lookup failed"),
    ACOUSTID_INVALID_KEY(Severity.WARNING, "the AcoustID API key was refused"),
    MBID_LOOKUP_FAILED(Severity.WARNING, "the MusicBrainz lookup failed"),
    NETWORK_ERROR(Severity.WARNING, "an outside service could not be reached"),
    RATE_LIMITED(Severity.WARNING, "an outside service refused the request rate"),
    FLAVOR_UNAVAILABLE(Severity.WARNING, "no musical flavor could be obtained"),
    DUPLICATE_HASH(Severity.WARNING, "the file has the same content as a file already imported"),

    // critical: the session stops
    DB_WRITE_FAILED(Severity.CRITICAL, "the database could not be written"),
    DISK_FULL(Severity.CRITICAL, "the disk is full"),
    DATABASE_UNAVAILABLE(Severity.CRITICAL, "the database could not be opened"),
    INVALID_ROOT(Severity.CRITICAL, "the folder to import is not usable");

    private final Severity defaultSeverity;
    private final String description;

    ErrorCode(Severity defaultSeverity, String description) {
        this.defaultSeverity = defaultSeverity;
        this.description = description;
    }

    /** The severity this code has unless stated otherwise. */
    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /** A short human description, used when no more specific message exists. */
    public String description() {
        return description;
    }
}
