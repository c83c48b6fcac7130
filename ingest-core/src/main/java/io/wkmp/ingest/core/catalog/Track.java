package io.wkmp.ingest.core.catalog;

/**
 * A track of a release medium.
 *
 * @param position 1-based position on its medium
 * @param lengthMs the track's length, or -1 when unknown
 */
public record Track(String trackMbid, int position, String number, String title, long lengthMs, Recording recording) {}
