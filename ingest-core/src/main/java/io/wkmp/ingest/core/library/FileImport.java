package io.wkmp.ingest.core.library;

import io.wkmp.ingest.core.audio.AudioFormat;
import io.wkmp.ingest.core.audio.WaveformCells;
import io.wkmp.ingest.core.tags.FileTags;
import io.wkmp.ingest.core.time.Ticks;
import java.time.Instant;
import java.util.List;

/**
 * The complete result of importing one file, written in one transaction: it replaces any earlier
 * result for the same path.
 *
 * @param relativePath relative to the root folder, forward slashes
 * @param format the decoded stream, null for files never decoded (duplicates)
 * @param durationTicks the decoded length in ticks: the sample count of the one decode (after gapless trimming for
 *     lossy codecs), never a container's stated seconds; -1 for files never decoded (duplicates)
 * @param formatName WKMP's format name (MP3, FLAC, OGG Vorbis, Opus, AAC, WAV, AIFF)
 * @param duplicateOfPath for DUPLICATE_HASH, the path of the file with the same content
 * @param waveform the waveform cells of the one decode (stored for the segment editor), null for files never decoded
 */
public record FileImport(
        String relativePath,
        String sha256,
        long sizeBytes,
        Instant modifiedAt,
        AudioFormat format,
        long durationTicks,
        String formatName,
        FileStatus status,
        FileTags tags,
        List<PassageImport> passages,
        List<ImageImport> images,
        String duplicateOfPath,
        WaveformCells waveform) {
    /** A result without waveform cells. */
    public FileImport(
            String relativePath,
            String sha256,
            long sizeBytes,
            Instant modifiedAt,
            AudioFormat format,
            long durationTicks,
            String formatName,
            FileStatus status,
            FileTags tags,
            List<PassageImport> passages,
            List<ImageImport> images,
            String duplicateOfPath) {
        this(
                relativePath,
                sha256,
                sizeBytes,
                modifiedAt,
                format,
                durationTicks,
                formatName,
                status,
                tags,
                passages,
                images,
                duplicateOfPath,
                null);
    }

    /** This result with {@code cells} as its waveform. */
    public FileImport withWaveform(WaveformCells cells) {
        return new FileImport(
                relativePath,
                sha256,
                sizeBytes,
                modifiedAt,
                format,
                durationTicks,
                formatName,
                status,
                tags,
                passages,
                images,
                duplicateOfPath,
                cells);
    }

    /**
     * @throws IllegalArgumentException when a passage ends after the file's duration, or a file with passages has
     *     no decoded duration: timing that does not fit the audio is an error, never clamped
     */
    public FileImport {
        passages = List.copyOf(passages);
        images = List.copyOf(images);
        if (!passages.isEmpty() && durationTicks <= 0) {
            throw new IllegalArgumentException(
                    relativePath + ": a file with passages needs its decoded duration, got " + durationTicks);
        }
        for (int i = 0; i < passages.size(); i++) {
            long end = passages.get(i).timing().end();
            if (end > durationTicks) {
                throw new IllegalArgumentException(relativePath + ": passage " + (i + 1) + " ends at " + end
                        + " ticks (" + Ticks.format(end) + "), after the end of the file at " + durationTicks
                        + " ticks (" + Ticks.format(durationTicks) + ")");
            }
        }
    }
}
