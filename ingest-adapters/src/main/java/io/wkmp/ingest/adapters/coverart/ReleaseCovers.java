package io.wkmp.ingest.adapters.coverart;

import java.util.Optional;

/**
 * A release's covers from the Cover Art Archive: image bytes and their file extension ("jpg", "png").
 */
public record ReleaseCovers(Optional<Image> front, Optional<Image> back) {
    /** One image. */
    public record Image(byte[] bytes, String extension, String sourceUrl) {}
}
