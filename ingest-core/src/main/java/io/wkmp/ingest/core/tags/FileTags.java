package io.wkmp.ingest.core.tags;

/**
 * What a file's tags say. Every field is null when absent. MusicBrainz ids are as Picard or beets write them.
 *
 * @param durationTicks duration from the header, or -1 when unknown
 */
public record FileTags(
        String title,
        String artist,
        String album,
        String albumArtist,
        Integer trackNumber,
        Integer trackTotal,
        Integer discNumber,
        Integer discTotal,
        Integer year,
        String genre,
        long durationTicks,
        Integer sampleRate,
        Integer channels,
        Integer bitsPerSample,
        String mbRecordingId,
        String mbReleaseId,
        String mbReleaseGroupId,
        String mbArtistId,
        String mbAlbumArtistId) {

    /** No tags at all. */
    public static final FileTags EMPTY = new FileTags(
            null, null, null, null, null, null, null, null, null, null, -1, null, null, null, null, null, null, null,
            null);
}
