package io.wkmp.ingest.adapters.tags;

import io.wkmp.ingest.adapters.ffmpeg.FfmpegAttachedPictures.Picture;
import io.wkmp.ingest.core.time.Ticks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Vorbis comments (embedded pictures included), channel count, rate and length of an Ogg Opus or Ogg Vorbis file, read from its pages in
 * Java (no ffprobe run): the codec's identification and comment packets at the start, the granule position of the
 * last page at the end (Opus: minus the pre-skip, at 48 kHz). Empty for anything else. Stateless.
 */
final class OggComments {
    /** Largest comment packet read (covers may be embedded in it). */
    private static final int MAX_PACKET = 16 << 20;

    private static final int TAIL = 64 * 1024;

    /**
     * @param comments keys lower-cased, the first value of each; pictures left out
     * @param pictures the METADATA_BLOCK_PICTURE comments, in order (those that do not parse left out)
     * @param ticks the length, -1 when unknown
     */
    record Info(Map<String, String> comments, List<Picture> pictures, int sampleRate, int channels, long ticks) {}

    private OggComments() {}

    static Optional<Info> read(Path file) throws IOException {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            Packets packets = new Packets(in);
            byte[] head = packets.next();
            byte[] tags = head == null ? null : packets.next();
            if (tags == null) {
                return Optional.empty();
            }
            boolean opus = ascii(head, 0, "OpusHead") && head.length >= 19;
            boolean vorbis = ascii(head, 0, "\u0001vorbis") && head.length >= 16;
            int skip;
            if (opus && ascii(tags, 0, "OpusTags")) {
                skip = 8;
            } else if (vorbis && ascii(tags, 0, "\u0003vorbis")) {
                skip = 7;
            } else {
                return Optional.empty();
            }
            int channels = head[opus ? 9 : 11] & 0xff;
            int rate = opus ? 48_000 : (int) le32(head, 12);
            long preSkip = opus ? le16(head, 10) : 0;
            long granule = lastGranule(file, packets.serial);
            long ticks = granule > preSkip && rate > 0 ? Ticks.fromSamples(granule - preSkip, rate) : -1;
            List<Picture> pictures = new ArrayList<>();
            return Optional.of(new Info(comments(tags, skip, pictures), pictures, rate, channels, ticks));
        }
    }

    private static Map<String, String> comments(byte[] p, int at, List<Picture> pictures) {
        Map<String, String> out = new LinkedHashMap<>();
        at += 4 + (int) le32(p, at); // vendor string
        long count = le32(p, at);
        at += 4;
        for (long i = 0; i < count && at + 4 <= p.length; i++) {
            int len = (int) Math.min(le32(p, at), p.length - at - 4);
            String c = new String(p, at + 4, Math.max(0, len), StandardCharsets.UTF_8);
            at += 4 + Math.max(0, len);
            int eq = c.indexOf('=');
            if (eq > 0) {
                String key = c.substring(0, eq).toLowerCase(Locale.ROOT);
                if (!key.equals("metadata_block_picture")) {
                    out.putIfAbsent(key, c.substring(eq + 1));
                } else {
                    picture(c.substring(eq + 1)).ifPresent(pictures::add);
                }
            }
        }
        return out;
    }

    /** A FLAC picture block, base64: type, MIME type, description, four sizes, then the image's bytes. */
    private static Optional<Picture> picture(String base64) {
        try {
            ByteBuffer b = ByteBuffer.wrap(Base64.getMimeDecoder().decode(base64)); // big-endian
            int type = b.getInt();
            skip(b, b.getInt()); // MIME type
            skip(b, b.getInt()); // description
            skip(b, 16); // width, height, depth, colours
            byte[] data = new byte[b.getInt()];
            b.get(data);
            return Optional.of(new Picture(data, type));
        } catch (IllegalArgumentException | BufferUnderflowException | NegativeArraySizeException e) {
            return Optional.empty();
        }
    }

    private static void skip(ByteBuffer b, int bytes) {
        b.position(b.position() + bytes);
    }

    /** The granule position of the stream's last page, from the file's last bytes; -1 when none is found. */
    private static long lastGranule(Path file, long serial) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long from = Math.max(0, f.length() - TAIL);
            byte[] t = new byte[(int) (f.length() - from)];
            f.seek(from);
            f.readFully(t);
            for (int at = t.length - 27; at >= 0; at--) {
                if (ascii(t, at, "OggS") && le32(t, at + 14) == serial) {
                    return le32(t, at + 6) | le32(t, at + 10) << 32;
                }
            }
            return -1;
        }
    }

    /** The packets of the first logical stream, in order (lacing values of 255 continue a packet). */
    private static final class Packets {
        private final InputStream in;
        private long serial = -1;
        private int[] lacing = new int[0];
        private int next;

        Packets(InputStream in) {
            this.in = in;
        }

        /** The next packet, or null at the end or on anything that is not an Ogg page. */
        byte[] next() throws IOException {
            ByteArrayOutputStream packet = new ByteArrayOutputStream();
            while (true) {
                if (next == lacing.length && !page()) {
                    return null;
                }
                int len = lacing[next++];
                byte[] b = in.readNBytes(len);
                if (b.length < len || packet.size() + len > MAX_PACKET) {
                    return null;
                }
                packet.write(b, 0, len);
                if (len < 255) {
                    return packet.toByteArray();
                }
            }
        }

        private boolean page() throws IOException {
            byte[] h = in.readNBytes(27);
            if (h.length < 27 || !ascii(h, 0, "OggS")) {
                return false;
            }
            long s = le32(h, 14);
            if (serial == -1) {
                serial = s;
            }
            byte[] segments = in.readNBytes(h[26] & 0xff);
            if (s != serial) { // another stream's page: skipped
                in.skipNBytes(sum(segments));
                lacing = new int[0];
                next = 0;
                return page();
            }
            lacing = new int[segments.length];
            for (int i = 0; i < segments.length; i++) {
                lacing[i] = segments[i] & 0xff;
            }
            next = 0;
            return true;
        }

        private static int sum(byte[] segments) {
            int n = 0;
            for (byte b : segments) {
                n += b & 0xff;
            }
            return n;
        }
    }

    private static int le16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static long le32(byte[] b, int at) {
        return le16(b, at) | (long) le16(b, at + 2) << 16;
    }

    private static boolean ascii(byte[] b, int at, String s) {
        return b.length >= at + s.length() && new String(b, at, s.length(), StandardCharsets.ISO_8859_1).equals(s);
    }
}
