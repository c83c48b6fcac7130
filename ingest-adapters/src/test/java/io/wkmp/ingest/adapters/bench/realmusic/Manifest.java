package io.wkmp.ingest.adapters.bench.realmusic;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The ground truth of the real-music library ({@code manifest.json} next to {@code library/} and
 * {@code catalogue.json}): for every file its case label and the passages it holds, each with the recording
 * MBID it must be identified as, or {@value #UNIDENTIFIABLE}.
 *
 * @param library the library folder, relative to the manifest
 * @param catalogue the fake catalogue file, relative to the manifest
 * @param sources the Debian packages the recordings come from (licences in {@code copyright/})
 */
public record Manifest(int version, String library, String catalogue, List<String> sources, List<FileEntry> files) {
    /** The expectation of a passage no catalogue recording can be identified for. */
    public static final String UNIDENTIFIABLE = "unidentifiable";

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * One file of the library.
     *
     * @param path relative to the library folder, '/'-separated
     * @param label the case it stands for (album-flac, rip-noise, hidden-track, ...)
     * @param container what the bytes are (may differ from the extension)
     * @param tags what its tags say, in words
     * @param release the MBID of the release its tags place it on (null when they place it on none)
     */
    public record FileEntry(
            String path,
            @JsonProperty("case") String label,
            String container,
            double durationS,
            String tags,
            String release,
            List<Passage> passages) {}

    /**
     * An expected passage: where the recording lies in the file (approximately: its audio from the first to the
     * last sample, fades included) and what it must be identified as.
     *
     * @param expect the recording MBID, or {@value #UNIDENTIFIABLE}
     * @param why for an unidentifiable passage, why
     */
    public record Passage(double startS, double endS, String expect, String title, String why) {
        public boolean identifiable() {
            return !UNIDENTIFIABLE.equals(expect);
        }
    }

    public static Manifest read(Path file) {
        try {
            return JSON.readValue(file.toFile(), Manifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read manifest " + file + ": " + e.getMessage(), e);
        }
    }

    public void write(Path file) {
        try {
            JSON.writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write manifest " + file + ": " + e.getMessage(), e);
        }
    }
}
