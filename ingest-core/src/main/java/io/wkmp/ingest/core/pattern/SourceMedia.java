package io.wkmp.ingest.core.pattern;

/** The medium a file was most likely transferred from. */
public enum SourceMedia {
    CD,
    VINYL,
    CASSETTE,
    UNKNOWN
}
