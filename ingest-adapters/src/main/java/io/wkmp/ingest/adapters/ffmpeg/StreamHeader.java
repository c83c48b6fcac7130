package io.wkmp.ingest.adapters.ffmpeg;

import io.wkmp.ingest.core.scan.AudioKind;
import io.wkmp.ingest.core.time.Ticks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a decode needs to know before ffmpeg starts, read from the file's first bytes instead of an ffprobe run:
 * for FLAC, MP3, Ogg Vorbis, Opus and PCM WAV, whether the codec decodes to floating point, its name, bits per sample
 * and the length the header states (FLAC's STREAMINFO, MP3's Xing/Info frame count, WAV's data chunk; unknown for
 * Ogg). Other containers (MP4 with its edit list, AIFF, compressed WAV) are left to ffprobe. Stateless.
 */
final class StreamHeader {
    private static final int HEAD = 64 * 1024;

    /**
     * @param statedTicks the length the header states, -1 when it states none
     */
    record Info(String codec, boolean floatingPoint, int bitsPerSample, long statedTicks) {}

    private StreamHeader() {}

    /** The header's information, or empty when ffprobe must look (other formats, or an unreadable header). */
    static Optional<Info> read(Path file) throws IOException {
        Optional<AudioKind> kind = AudioKind.ofContent(file);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        return switch (kind.get()) {
            case OGG_VORBIS -> Optional.of(new Info("vorbis", true, 16, -1));
            case OPUS -> Optional.of(new Info("opus", true, 16, -1));
            case FLAC -> Optional.of(flac(head(file)));
            case MP3 -> mp3(head(file));
            case WAV -> wav(head(file));
            default -> Optional.empty();
        };
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        }
    }

    /** STREAMINFO right after "fLaC": 20 bits rate, 3 channels, 5 bits per sample, 36 total samples. */
    static Info flac(byte[] h) {
        int at = id3Size(h) + 8;
        if (!ascii(h, at - 8, "fLaC") || h.length < at + 18) {
            return new Info("flac", false, 16, -1); // Ogg FLAC, or a header elsewhere
        }
        int rate = (u(h, at + 10) << 12) | (u(h, at + 11) << 4) | (u(h, at + 12) >> 4);
        int bits = (((u(h, at + 12) & 1) << 4) | (u(h, at + 13) >> 4)) + 1;
        long total = ((long) (u(h, at + 13) & 0x0f) << 32)
                | ((long) u(h, at + 14) << 24)
                | ((long) u(h, at + 15) << 16)
                | ((long) u(h, at + 16) << 8)
                | u(h, at + 17);
        long ticks = rate > 0 && total > 0 ? Ticks.fromSamples(total, rate) : -1;
        return new Info("flac", false, bits, ticks);
    }

    private static final int[][] MP3_RATES = {
        {11_025, 12_000, 8_000}, {0, 0, 0}, {22_050, 24_000, 16_000}, {44_100, 48_000, 32_000}
    };

    /** The first frame's Xing/Info tag gives the frame count (LAME and ffmpeg write one); empty if no frame header. */
    static Optional<Info> mp3(byte[] h) {
        int at = id3Size(h);
        while (at + 4 <= h.length && !((u(h, at) == 0xff) && (u(h, at + 1) & 0xe0) == 0xe0)) {
            at++;
        }
        if (at + 4 > h.length) {
            return Optional.empty();
        }
        int version = (u(h, at + 1) >> 3) & 3; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
        int layer = (u(h, at + 1) >> 1) & 3; // 1: layer III
        int rateIndex = (u(h, at + 2) >> 2) & 3;
        boolean mono = (u(h, at + 3) >> 6) == 3;
        if (version == 1 || rateIndex == 3 || layer != 1) {
            return Optional.empty();
        }
        int rate = MP3_RATES[version][rateIndex];
        int side = version == 3 ? (mono ? 17 : 32) : (mono ? 9 : 17);
        int samplesPerFrame = version == 3 ? 1152 : 576;
        int tag = at + 4 + side;
        long ticks = -1;
        if ((ascii(h, tag, "Xing") || ascii(h, tag, "Info")) && h.length >= tag + 12 && (u(h, tag + 7) & 1) != 0) {
            long frames = ((long) u(h, tag + 8) << 24) | (u(h, tag + 9) << 16) | (u(h, tag + 10) << 8) | u(h, tag + 11);
            ticks = Ticks.fromSamples(frames * samplesPerFrame, rate);
        }
        return Optional.of(new Info("mp3", true, 16, ticks));
    }

    /**
     * RIFF WAVE with integer or float PCM (plain or WAVE_FORMAT_EXTENSIBLE): the fmt chunk's sample format and bits,
     * the data chunk's length; empty for other codecs, RF64, or chunks beyond the first bytes read.
     */
    static Optional<Info> wav(byte[] h) {
        if (!ascii(h, 0, "RIFF") || !ascii(h, 8, "WAVE")) {
            return Optional.empty();
        }
        int tag = -1, bits = 0, blockAlign = 0, rate = 0;
        for (int at = 12; at + 8 <= h.length; ) {
            long size = le32(h, at + 4);
            if (ascii(h, at, "fmt ") && size >= 16 && at + 24 <= h.length) {
                tag = le16(h, at + 8);
                rate = (int) le32(h, at + 12);
                blockAlign = le16(h, at + 20);
                bits = le16(h, at + 22);
                if (tag == 0xfffe && size >= 40 && at + 34 <= h.length) {
                    tag = le16(h, at + 32); // the sub-format GUID starts with the format tag
                }
            } else if (ascii(h, at, "data")) {
                if ((tag != 1 && tag != 3) || bits <= 0 || blockAlign <= 0 || rate <= 0) {
                    return Optional.empty();
                }
                boolean floating = tag == 3;
                String codec = floating ? "pcm_f" + bits + "le" : bits == 8 ? "pcm_u8" : "pcm_s" + bits + "le";
                long ticks = size > 0 && size < 0xffff_ffffL ? Ticks.fromSamples(size / blockAlign, rate) : -1;
                return Optional.of(new Info(codec, floating, bits, ticks));
            }
            at += 8 + (int) Math.min(size + (size & 1), h.length);
        }
        return Optional.empty();
    }

    private static int le16(byte[] h, int at) {
        return u(h, at) | u(h, at + 1) << 8;
    }

    private static long le32(byte[] h, int at) {
        return le16(h, at) | (long) le16(h, at + 2) << 16;
    }

    private static int id3Size(byte[] h) {
        if (!ascii(h, 0, "ID3") || h.length < 10) {
            return 0;
        }
        int size = (h[6] & 0x7f) << 21 | (h[7] & 0x7f) << 14 | (h[8] & 0x7f) << 7 | (h[9] & 0x7f);
        return 10 + size + ((h[5] & 0x10) != 0 ? 10 : 0);
    }

    private static int u(byte[] h, int at) {
        return h[at] & 0xff;
    }

    private static boolean ascii(byte[] h, int at, String s) {
        return at >= 0
                && h.length >= at + s.length()
                && new String(h, at, s.length(), StandardCharsets.ISO_8859_1).equals(s);
    }
}
