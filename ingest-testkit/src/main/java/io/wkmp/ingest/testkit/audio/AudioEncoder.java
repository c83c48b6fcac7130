package io.wkmp.ingest.testkit.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a WAV into FLAC/MP3/Ogg/M4A/Opus with ffmpeg (argument list, no shell), writing the given
 * metadata with {@code -metadata key=value}. Keys are ffmpeg's generic names (title, artist, album,
 * album_artist, track "3/12", disc "1/2", date, genre) plus any format-native key, e.g.
 * MUSICBRAINZ_TRACKID for Vorbis comments or "MusicBrainz Album Id" for an MP3 TXXX frame. Ids that ffmpeg
 * cannot write (MP3 UFID, M4A freeform atoms, WAV ID3) are written by {@link TagWriter}. Thread-safe.
 */
public final class AudioEncoder {
    private AudioEncoder() {}

    /** Encodes {@code wav} to {@code out} (overwriting it) in {@code format} with {@code metadata}; returns {@code out}. */
    public static Path encode(Path wav, Path out, EncodedFormat format, Map<String, String> metadata) {
        List<String> cmd = new ArrayList<>(List.of(
                "ffmpeg",
                "-nostdin",
                "-v",
                "error",
                "-y",
                "-i",
                "file:" + wav.toAbsolutePath(),
                "-map_metadata",
                "-1"));
        cmd.addAll(format.codecArgs());
        metadata.forEach((k, v) -> {
            cmd.add("-metadata");
            cmd.add(k + "=" + v);
        });
        cmd.add("file:" + out.toAbsolutePath());
        run(cmd);
        return out;
    }

    /** Encodes next to {@code wav}, same stem, the format's extension. */
    public static Path encode(Path wav, EncodedFormat format, Map<String, String> metadata) {
        String name = wav.getFileName().toString().replaceFirst("\\.[^.]+$", "") + "." + format.extension();
        return encode(wav, wav.resolveSibling(name), format, metadata);
    }

    static void run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            if (code != 0) {
                throw new IllegalStateException(
                        cmd.get(0) + " failed (exit " + code + "): " + output.trim() + "\ncommand: " + cmd);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + cmd.get(0) + " (installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + cmd.get(0), e);
        }
    }

    /** Size check helper for tests: true when {@code file} exists and is not empty. */
    public static boolean nonEmpty(Path file) {
        try {
            return Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
