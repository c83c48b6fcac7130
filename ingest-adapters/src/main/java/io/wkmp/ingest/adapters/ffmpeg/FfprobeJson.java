package io.wkmp.ingest.adapters.ffmpeg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.FileRejectedException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Runs {@code ffprobe -show_format -show_streams -of json} and returns the parsed tree. Thread-safe. */
public final class FfprobeJson {
    private static final ObjectMapper JSON = new ObjectMapper();

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
