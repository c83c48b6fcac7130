package io.wkmp.ingest.adapters.flavor;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wkmp.ingest.core.flavor.Flavor;
import io.wkmp.ingest.core.port.FlavorSource;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Essentia's {@value #EXECUTABLE} as a {@link FlavorSource}: the passage is cut to a WAV with ffmpeg, the
 * extractor runs on it ({@code extractor in.wav out.json}, argument list, no shell) and its JSON is read
 * like an AcousticBrainz document. Empty when the extractor fails. Thread-safe.
 */
public final class EssentiaFlavorSource implements FlavorSource {
    /** The extractor's name on PATH. */
    public static final String EXECUTABLE = "essentia_streaming_extractor_music";

    private static final Logger LOG = LoggerFactory.getLogger(EssentiaFlavorSource.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long TIMEOUT_S = 600;

    private final Path executable;

    public EssentiaFlavorSource(Path executable) {
        this.executable = executable;
    }

    /** The extractor when it is on {@code pathVariable} (the PATH environment value), else empty. */
    public static Optional<EssentiaFlavorSource> onPath(String pathVariable) {
        if (pathVariable == null) {
            return Optional.empty();
        }
        for (String dir : pathVariable.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, EXECUTABLE);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(new EssentiaFlavorSource(p));
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<Flavor> flavorOf(String recordingMbid, Path file, long startTicks, long endTicks) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("wkmp-essentia");
            Path wav = dir.resolve("passage.wav");
            Path json = dir.resolve("features.json");
            PassageAudio.writeWav(file, startTicks, endTicks, wav);
            Process p = new ProcessBuilder(List.of(executable.toString(), wav.toString(), json.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                LOG.warn("Essentia took longer than {} s on {}", TIMEOUT_S, file.getFileName());
                return Optional.empty();
            }
            if (p.exitValue() != 0 || !Files.isRegularFile(json)) {
                LOG.warn("Essentia failed on {} (exit {})", file.getFileName(), p.exitValue());
                return Optional.empty();
            }
            Map<String, Double> values = EssentiaJson.values(MAPPER.readTree(json.toFile()));
            return values.isEmpty() ? Optional.empty() : Optional.of(new Flavor("Essentia", values));
        } catch (IOException e) {
            LOG.warn("Essentia unusable on {}: {}", file.getFileName(), e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.debug("could not remove {}: {}", dir, e.getMessage());
        }
    }
}
