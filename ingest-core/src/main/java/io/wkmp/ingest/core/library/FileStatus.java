package io.wkmp.ingest.core.library;

/** Status of a row of {@code files}, with the text WKMP stores (wkmp-reference 1.2). */
public enum FileStatus {
    PENDING("PENDING"),
    PROCESSING("PROCESSING"),
    INGEST_COMPLETE("INGEST COMPLETE"),
    DUPLICATE_HASH("DUPLICATE HASH"),
    NO_AUDIO("NO AUDIO");

    private final String dbValue;

    FileStatus(String dbValue) {
        this.dbValue = dbValue;
    }

    /** The text stored in {@code files.status}. */
    public String dbValue() {
        return dbValue;
    }

    /** The status stored as {@code text}; unknown texts read as PENDING (the file is imported again). */
    public static FileStatus fromDb(String text) {
        for (FileStatus s : values()) {
            if (s.dbValue.equals(text)) {
                return s;
            }
        }
        return PENDING;
    }
}
