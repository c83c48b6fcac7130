package io.wkmp.ingest.core.scan;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Audio formats the scanner recognises by content, with the extensions that name them. */
public enum AudioKind {
    FLAC("FLAC", Set.of("flac")),
    MP3("MP3", Set.of("mp3")),
    OGG_VORBIS("OGG Vorbis", Set.of("ogg", "oga")),
    OPUS("Opus", Set.of("opus")),
    MP4("AAC", Set.of("m4a", "mp4", "m4b", "aac")),
    WAV("WAV", Set.of("wav")),
    AIFF("AIFF", Set.of("aif", "aiff", "aifc"));

    private final String formatName;
    private final Set<String> extensions;

    AudioKind(String formatName, Set<String> extensions) {
        this.formatName = formatName;
        this.extensions = extensions;
    }

    /** WKMP's format name (files.format). */
    public String formatName() {
        return formatName;
    }

    /** The kind a file's first bytes show (an ID3v2 tag skipped), or empty when it is not a recognised format. */
    public static Optional<AudioKind> ofContent(java.nio.file.Path file) throws java.io.IOException {
        return MagicBytes.detect(file);
    }

    /** The kind an extension names (case-insensitive), if it is an audio extension. */
    public static Optional<AudioKind> byExtension(String extension) {
        String e = extension.toLowerCase(Locale.ROOT);
        for (AudioKind k : values()) {
            if (k.extensions.contains(e)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
