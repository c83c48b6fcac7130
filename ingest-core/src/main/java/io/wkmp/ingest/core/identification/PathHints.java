package io.wkmp.ingest.core.identification;

/**
 * What a file's name and folders suggest ("Artist/Album/03 - Title.flac"); every field null when unknown.
 */
public record PathHints(String artist, String album, String title, Integer trackNumber) {
    /** No hints. */
    public static final PathHints NONE = new PathHints(null, null, null, null);
}
