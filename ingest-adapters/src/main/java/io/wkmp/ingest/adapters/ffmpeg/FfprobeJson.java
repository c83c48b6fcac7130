package io.wkmp.ingest.adapters.ffmpeg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.FileRejectedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code ffprobe -show_format -show_streams -of json} and returns the parsed tree. The trees of the last
 * {@value #KEEP} files probed are kept (by path, size and modification time): the tag reader and the cover art of
 * one file ask for the same one, so one instance serves an engine's decoder, tag reader and cover art. Thread-safe.
 */
public final class FfprobeJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Files whose probe is kept: a few more than the workers of an import. */
    static final int KEEP = 16;

    private final Map<String, JsonNode> recent = new LinkedHashMap<>(KEEP * 2, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, JsonNode> eldest) {
            return size() > KEEP;
        }
    };

    private final String ffprobe;

    public FfprobeJson() {
        this("ffprobe");
    }

    public FfprobeJson(String ffprobeExecutable) {
        this.ffprobe = ffprobeExecutable;
    }

    /**
     * The JSON ffprobe prints for {@code file}.
     *
     * @throws FileRejectedException DECODE_ERROR when ffprobe cannot read it
     */
    public JsonNode probe(Path file) {
        String key = key(file);
        synchronized (recent) {
            JsonNode kept = key == null ? null : recent.get(key);
            if (kept != null) {
                return kept;
            }
        }
        JsonNode json = run(file);
        if (key != null) {
            synchronized (recent) {
                recent.put(key, json);
            }
        }
        return json;
    }

    /** The file as it is now (this ffprobe, path, size, modification time); null when it cannot be read. */
    private String key(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return ffprobe + "\0" + file.toAbsolutePath() + "\0" + a.size() + "\0" + a.lastModifiedTime();
        } catch (IOException e) {
            return null;
        }
    }

    private JsonNode run(Path file) {
        List<String> cmd = FfmpegProcess.args(
                ffprobe, "-v", "error", "-show_format", "-show_streams", "-of", "json", FfmpegProcess.input(file));
        try (FfmpegProcess p = FfmpegProcess.start(cmd)) {
            byte[] out = p.stdout().readAllBytes();
            int code = p.waitFor();
            if (code != 0) {
                throw new FileRejectedException(
                        ErrorCode.DECODE_ERROR, "ffprobe could not read " + file.getFileName() + ": " + p.errorText());
            }
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new FileRejectedException(
                    ErrorCode.DECODE_ERROR, "ffprobe failed on " + file.getFileName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted while probing " + file.getFileName());
        }
    }

    /** The first audio stream of a probe result, if any. */
    public static java.util.Optional<JsonNode> audioStream(JsonNode probe) {
        for (JsonNode s : probe.path("streams")) {
            if ("audio".equals(s.path("codec_type").asText())) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }
}
