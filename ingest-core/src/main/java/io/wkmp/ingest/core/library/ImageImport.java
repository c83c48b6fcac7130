package io.wkmp.ingest.core.library;

/**
 * A cover image saved beside the audio, to record in {@code images}.
 *
 * @param relativePath image path relative to the root folder
 * @param imageType what it shows (front cover, back cover, ...)
 * @param releaseMbid the album it belongs to; null links it to the file's first passage
 */
public record ImageImport(
        String relativePath, ImageType imageType, Integer width, Integer height, String releaseMbid) {}
