package io.wkmp.ingest.core.port;

import io.wkmp.ingest.core.audio.PcmBlock;
import io.wkmp.ingest.core.audio.PcmConsumer;
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

    /**
     * The flavours of one file's passages, fed by the file's one decode: the pipeline adds the returned consumer to
     * that decode's chain, then asks it for each passage, so no source decodes the file again. The default needs
     * no samples and answers with {@link #flavorOf(String, Path, long, long)}.
     */
    default FileFlavors forFile(Path file) {
        return new FileFlavors() {
            @Override
            public void accept(PcmBlock block) {
                // this source needs no samples
            }

            @Override
            public Optional<Flavor> flavorOf(String recordingMbid, long startTicks, long endTicks) {
                return FlavorSource.this.flavorOf(recordingMbid, file, startTicks, endTicks);
            }
        };
    }

    /** One file's flavour questions, answerable after its decode has been fed in ({@link PcmConsumer#finish()}). */
    interface FileFlavors extends PcmConsumer {
        /** As {@link FlavorSource#flavorOf(String, Path, long, long)} for this file. */
        Optional<Flavor> flavorOf(String recordingMbid, long startTicks, long endTicks);
    }
}
