package io.wkmp.ingest.core.port;

import io.wkmp.ingest.core.audio.WaveformCells;
import io.wkmp.ingest.core.library.FileSummary;
import io.wkmp.ingest.core.library.StoredFile;
import io.wkmp.ingest.core.passage.PassageTiming;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Reads of imported files and passages, and the segment editor's one write (passage timing). Thread-safe.
 * Relative paths use forward slashes.
 */
public interface LibraryQueries {
    /** Files whose relative path starts with {@code pathPrefix} ("" for all), ordered by path, at most {@code limit}. */
    List<FileSummary> files(String pathPrefix, int limit);

    /** A file with its passages ordered by start, if the database knows it. */
    Optional<StoredFile> file(String relativePath);

    /**
     * Replaces the timing of passages of one file in one transaction. Every passage of the file keeps its
     * row; those named in {@code timingsByGuid} get the new seven tick columns.
     *
     * @throws NoSuchElementException when the file, or one of the passage guids in it, is unknown
     * @throws IllegalArgumentException when the resulting passages overlap or pass the end of the file
     */
    void updatePassageTimings(String relativePath, Map<String, PassageTiming> timingsByGuid);

    /** The waveform cells stored for a file (by its import, or by {@link #storeWaveform}), if any. */
    Optional<WaveformCells> waveform(String relativePath);

    /**
     * Stores a file's waveform cells (for a file imported before they were stored at import).
     *
     * @throws NoSuchElementException when the file is unknown
     */
    void storeWaveform(String relativePath, WaveformCells cells);
}
