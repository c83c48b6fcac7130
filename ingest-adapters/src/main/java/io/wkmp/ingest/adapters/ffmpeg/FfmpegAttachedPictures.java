package io.wkmp.ingest.adapters.ffmpeg;

import com.fasterxml.jackson.databind.JsonNode;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.FileRejectedException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Reads the pictures a file carries as attached-picture streams (what ffmpeg makes of ID3 APIC, FLAC and
 * Vorbis/Opus METADATA_BLOCK_PICTURE, MP4 covr): {@code ffprobe} lists them, {@code ffmpeg -map 0:i -c copy}
 * copies each one out unchanged. Used for Opus, which jaudiotagger cannot read. Thread-safe.
 */
public final class FfmpegAttachedPictures {
    /** ffmpeg's names of the ID3 picture types, indexed by type (libavformat/id3v2.c). */
    private static final List<String> TYPES = List.of(
            "Other",
            "32x32 pixels 'file icon'",
            "Other file icon",
            "Cover (front)",
            "Cover (back)",
            "Leaflet page",
            "Media (e.g. label side of CD)",
            "Lead artist/lead performer/soloist",
            "Artist/performer",
            "Conductor",
            "Band/Orchestra",
            "Composer",
            "Lyricist/text writer",
            "Recording Location",
            "During recording",
            "During performance",
            "Movie/video screen capture",
            "A bright coloured fish",
            "Illustration",
            "Band/artist logotype",
            "Publisher/Studio logotype");

    /** One picture: its bytes as stored and its ID3 picture type (3 front cover, 4 back cover; 0 when unknown). */
    public record Picture(byte[] data, int pictureType) {}

    private final FfprobeJson ffprobe;
    private final String ffmpeg;

    public FfmpegAttachedPictures() {
        this(new FfprobeJson(), "ffmpeg");
    }

    public FfmpegAttachedPictures(FfprobeJson ffprobe, String ffmpegExecutable) {
        this.ffprobe = ffprobe;
        this.ffmpeg = ffmpegExecutable;
    }

    /**
     * The attached pictures of {@code file}, in stream order.
     *
     * @throws FileRejectedException DECODE_ERROR when ffprobe or ffmpeg cannot read it
     */
    public List<Picture> read(Path file) {
        List<Picture> out = new ArrayList<>();
        for (JsonNode s : ffprobe.probe(file).path("streams")) {
            if (s.path("disposition").path("attached_pic").asInt() == 1) {
                int type =
                        Math.max(0, TYPES.indexOf(s.path("tags").path("comment").asText("")));
                out.add(new Picture(copy(file, s.path("index").asInt()), type));
            }
        }
        return out;
    }

    private byte[] copy(Path file, int stream) {
        List<String> cmd = FfmpegProcess.args(
                ffmpeg,
                "-nostdin",
                "-v",
                "error",
                "-i",
                FfmpegProcess.input(file),
                "-map",
                "0:" + stream,
                "-c",
                "copy",
                "-frames:v",
                "1",
                "-f",
                "image2pipe",
                "pipe:1");
        try (FfmpegProcess p = FfmpegProcess.start(cmd)) {
            byte[] data = p.stdout().readAllBytes();
            if (p.waitFor() != 0) {
                throw new FileRejectedException(
                        ErrorCode.DECODE_ERROR,
                        "ffmpeg could not copy picture stream " + stream + " of " + file.getFileName() + ": "
                                + p.errorText());
            }
            return data;
        } catch (IOException e) {
            throw new FileRejectedException(
                    ErrorCode.DECODE_ERROR, "ffmpeg failed on " + file.getFileName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while reading pictures of " + file.getFileName());
        }
    }
}
