package io.wkmp.ingest.core.scan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** Identifies an audio format from a file's first bytes (skipping an ID3v2 tag). Stateless. */
final class MagicBytes {
    private static final int HEAD = 64;

    private MagicBytes() {}

    /** The kind the content shows, or empty when it is not a recognised audio format. */
    static Optional<AudioKind> detect(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] head = read(ch, 0);
            long offset = 0;
            if (startsWith(head, 0, "ID3") && head.length >= 10) {
                offset = 10 + syncsafe(head, 6) + ((head[5] & 0x10) != 0 ? 10 : 0);
                head = read(ch, offset);
                int skip = 0;
                while (skip < head.length && head[skip] == 0) {
                    skip++;
                }
                if (skip > 0) {
                    head = read(ch, offset + skip);
                }
            }
            return classify(head);
        }
    }

    static Optional<AudioKind> classify(byte[] h) {
        if (startsWith(h, 0, "fLaC")) {
            return Optional.of(AudioKind.FLAC);
        }
        if (startsWith(h, 0, "OggS") && h.length >= 36) {
            if (startsWith(h, 28, "OpusHead")) {
                return Optional.of(AudioKind.OPUS);
            }
            if (h[28] == 1 && startsWith(h, 29, "vorbis")) {
                return Optional.of(AudioKind.OGG_VORBIS);
            }
            if (h[28] == 0x7f && startsWith(h, 29, "FLAC")) {
                return Optional.of(AudioKind.FLAC);
            }
            return Optional.empty();
        }
        if (startsWith(h, 4, "ftyp")) {
            return Optional.of(AudioKind.MP4);
        }
        if ((startsWith(h, 0, "RIFF") || startsWith(h, 0, "RF64")) && startsWith(h, 8, "WAVE")) {
            return Optional.of(AudioKind.WAV);
        }
        if (startsWith(h, 0, "FORM") && (startsWith(h, 8, "AIFF") || startsWith(h, 8, "AIFC"))) {
            return Optional.of(AudioKind.AIFF);
        }
        if (h.length >= 3 && (h[0] & 0xff) == 0xff && (h[1] & 0xe0) == 0xe0) {
            boolean layerSet = (h[1] & 0x06) != 0;
            boolean versionOk = (h[1] & 0x18) != 0x08;
            int bitrate = (h[2] & 0xf0) >> 4;
            int rate = (h[2] & 0x0c) >> 2;
            if (versionOk && bitrate != 0xf && rate != 3) {
                return Optional.of(layerSet ? AudioKind.MP3 : AudioKind.MP4);
            }
        }
        return Optional.empty();
    }

    private static byte[] read(FileChannel ch, long offset) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(HEAD);
        while (buf.hasRemaining() && ch.read(buf, offset + buf.position()) > 0) {
            // keep reading until HEAD bytes or end of file
        }
        byte[] out = new byte[buf.position()];
        buf.flip().get(out);
        return out;
    }

    private static boolean startsWith(byte[] h, int at, String magic) {
        byte[] m = magic.getBytes(StandardCharsets.ISO_8859_1);
        if (h.length < at + m.length) {
            return false;
        }
        for (int i = 0; i < m.length; i++) {
            if (h[at + i] != m[i]) {
                return false;
            }
        }
        return true;
    }

    private static long syncsafe(byte[] h, int at) {
        return (h[at] & 0x7fL) << 21 | (h[at + 1] & 0x7fL) << 14 | (h[at + 2] & 0x7fL) << 7 | (h[at + 3] & 0x7fL);
    }
}
