package io.wkmp.ingest.core.port;

import io.wkmp.ingest.core.flavor.Flavor;
import java.nio.file.Path;
import java.util.Optional;

/** One source of musical flavor (AcousticBrainz, Essentia, local analysis); empty when it has none. Thread-safe. */
public interface FlavorSource {
    /**
     * @param recordingMbid the passage's identified recording, or null
     * @param startTicks passage start in the file
     * @param endTicks passage end in the file
     */
    Optional<Flavor> flavorOf(String recordingMbid, Path file, long startTicks, long endTicks);

    /** Hint: these recordings' flavours will be asked for soon (a source may fetch them in bulk). Never throws. */
    default void prefetch(java.util.List<String> recordingMbids) {}
}
