package io.wkmp.ingest.adapters.flavor;

import io.wkmp.ingest.core.audio.AudioFormat;
import io.wkmp.ingest.core.audio.PcmBlock;
import io.wkmp.ingest.core.audio.Tee;
import io.wkmp.ingest.core.flavor.Flavor;
import io.wkmp.ingest.core.port.FlavorSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Tries flavour sources in order (AcousticBrainz, Essentia, local analysis) and returns the first flavour;
 * the flavour's {@code source} says which one gave it. Thread-safe when its sources are.
 */
public final class ChainedFlavorSource implements FlavorSource {
    private final List<FlavorSource> sources;

    public ChainedFlavorSource(List<FlavorSource> sources) {
        this.sources = List.copyOf(sources);
    }

    @Override
    public Optional<Flavor> flavorOf(String recordingMbid, Path file, long startTicks, long endTicks) {
        for (FlavorSource s : sources) {
            Optional<Flavor> f = s.flavorOf(recordingMbid, file, startTicks, endTicks);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    /** Each source's per-file flavours, all fed by the one decode; asked in order like {@link #flavorOf}. */
    @Override
    public FileFlavors forFile(Path file) {
        List<FileFlavors> each = sources.stream().map(s -> s.forFile(file)).toList();
        Tee decode = new Tee(List.copyOf(each));
        return new FileFlavors() {
            @Override
            public void start(AudioFormat format) {
                decode.start(format);
            }

            @Override
            public void accept(PcmBlock block) {
                decode.accept(block);
            }

            @Override
            public void finish() {
                decode.finish();
            }

            @Override
            public Optional<Flavor> flavorOf(String recordingMbid, long startTicks, long endTicks) {
                for (FileFlavors f : each) {
                    Optional<Flavor> found = f.flavorOf(recordingMbid, startTicks, endTicks);
                    if (found.isPresent()) {
                        return found;
                    }
                }
                return Optional.empty();
            }
        };
    }

    @Override
    public void prefetch(List<String> recordingMbids) {
        for (FlavorSource s : sources) {
            s.prefetch(recordingMbids);
        }
    }
}
