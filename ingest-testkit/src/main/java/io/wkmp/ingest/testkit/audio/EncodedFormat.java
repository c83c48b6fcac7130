package io.wkmp.ingest.testkit.audio;

import java.util.List;

/** The formats {@link AudioEncoder} writes, with ffmpeg's codec arguments (toolchain-notes §1). */
public enum EncodedFormat {
    WAV("wav", List.of("-c:a", "pcm_s16le")),
    FLAC("flac", List.of("-c:a", "flac")),
    MP3("mp3", List.of("-c:a", "libmp3lame", "-b:a", "192k", "-id3v2_version", "4")),
    OGG("ogg", List.of("-c:a", "libvorbis", "-q:a", "5")),
    M4A("m4a", List.of("-c:a", "aac", "-b:a", "192k")),
    OPUS("opus", List.of("-c:a", "libopus", "-b:a", "128k"));

    private final String extension;
    private final List<String> codecArgs;

    EncodedFormat(String extension, List<String> codecArgs) {
        this.extension = extension;
        this.codecArgs = codecArgs;
    }

    public String extension() {
        return extension;
    }

    List<String> codecArgs() {
        return codecArgs;
    }
}
