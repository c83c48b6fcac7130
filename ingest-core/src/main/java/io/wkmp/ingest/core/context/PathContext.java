package io.wkmp.ingest.core.context;

/**
 * What a file's path relative to the root says about it. Every field is null when the path does not say.
 *
 * @param trackNumber position on its disc (1-based); for vinyl side numbers only side A's, which equal the
 *     position (A3 is track 3), B2 leaves it null
 * @param discNumber from a disc folder ({@code CD2}, {@code Disc 2 - Live}) or a {@code 2-05} prefix
 * @param year a four-digit year 1900..2099 from the album folder
 */
public record PathContext(
        String artist, String album, String title, Integer trackNumber, Integer discNumber, Integer year) {
    /** Nothing known. */
    public static final PathContext EMPTY = new PathContext(null, null, null, null, null, null);
}
