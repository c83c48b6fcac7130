package io.wkmp.ingest.server.wire;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.TextNode;
import io.wkmp.ingest.core.library.FileSummary;
import io.wkmp.ingest.core.library.StoredFile;
import io.wkmp.ingest.core.library.StoredPassage;
import io.wkmp.ingest.core.passage.PassageTiming;
import io.wkmp.ingest.core.time.Ticks;
import java.util.List;

/**
 * A stored file with its passages (docs/api.md: {@code GET /metadata/file} with identification, {@code GET
 * /segments} without). Durations unknown to the store are null.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FileView(
        String path,
        String guid,
        String status,
        String format,
        int sampleRate,
        int channels,
        Long durationTicks,
        Double durationSeconds,
        String artist,
        String title,
        String album,
        List<PassageView> passages) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static FileView of(StoredFile f, boolean withIdentification) {
        return new FileView(
                f.relativePath(),
                f.guid(),
                f.status(),
                f.format(),
                f.sampleRate(),
                f.channels(),
                ticks(f.durationTicks()),
                seconds(f.durationTicks()),
                f.artist(),
                f.title(),
                f.album(),
                f.passages().stream()
                        .map(p -> PassageView.of(p, withIdentification))
                        .toList());
    }

    /** A passage; its identification fields follow the timing only when asked for (absent otherwise, not null). */
    public record PassageView(
            String guid,
            String title,
            String artist,
            String album,
            TimingView timing,
            @JsonUnwrapped Identified identified) {
        static PassageView of(StoredPassage p, boolean withIdentification) {
            return new PassageView(
                    p.guid(),
                    p.title(),
                    p.artist(),
                    p.album(),
                    TimingView.of(p.timing()),
                    withIdentification ? Identified.of(p) : null);
        }
    }

    /** What identification found for a passage; stored JSON is given as JSON, or as text when it does not parse. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Identified(
            String recordingMbid, String fingerprint, Identification identification, JsonNode importMetadata) {
        static Identified of(StoredPassage p) {
            return new Identified(
                    p.recordingMbid(),
                    p.fingerprint(),
                    new Identification(p.decision(), p.confidence(), parsed(p.evidenceJson())),
                    parsed(p.importMetadataJson()));
        }
    }

    /** The decision on a passage, its confidence and the evidence behind it. */
    public record Identification(String decision, Double confidence, JsonNode evidence) {}

    /** A passage's timing in ticks; the optional points are null when unset. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TimingView(
            long startTimeTicks,
            long endTimeTicks,
            Long leadInStartTicks,
            Long leadOutStartTicks,
            Long fadeInStartTicks,
            Long fadeInEndTicks,
            Long fadeOutStartTicks) {
        public static TimingView of(PassageTiming t) {
            return new TimingView(
                    t.start(), t.end(), t.leadIn(), t.leadOut(), t.fadeInStart(), t.fadeInEnd(), t.fadeOutStart());
        }
    }

    /** The answer of {@code GET /metadata/files}. */
    public record Listing(List<Summary> files) {}

    /** One line of {@code GET /metadata/files}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Summary(String path, String status, Long durationTicks, Double durationSeconds, int passageCount) {
        public static Summary of(FileSummary f) {
            return new Summary(
                    f.relativePath(),
                    f.status(),
                    ticks(f.durationTicks()),
                    seconds(f.durationTicks()),
                    f.passageCount());
        }
    }

    private static Long ticks(long durationTicks) {
        return durationTicks < 0 ? null : durationTicks;
    }

    private static Double seconds(long durationTicks) {
        return durationTicks < 0 ? null : Ticks.toSeconds(durationTicks);
    }

    private static JsonNode parsed(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }
}
