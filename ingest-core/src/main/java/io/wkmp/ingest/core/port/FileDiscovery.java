package io.wkmp.ingest.core.port;

import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Finds the audio files of a folder (spec AIA-PERF-030): walk, then content check.
 *
 * @throws IllegalArgumentException when the folder is unusable
 */
@FunctionalInterface
public interface FileDiscovery {
    /**
     * @param found told the running count of candidate files while walking
     * @param rejected told of each file that has an audio extension but is not audio, with the reason
     */
    List<FileTask> discover(Path folder, IntConsumer found, Rejections rejected);

    /** Receives files that were refused while scanning. */
    @FunctionalInterface
    interface Rejections {
        void rejected(String relativePath, io.wkmp.ingest.core.error.ErrorCode code, String reason);
    }
}
