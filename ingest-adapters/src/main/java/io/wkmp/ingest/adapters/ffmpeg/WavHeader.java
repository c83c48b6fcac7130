package io.wkmp.ingest.adapters.ffmpeg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads the header of the WAV stream ffmpeg writes to a pipe, up to the start of the samples. Stateless. */
final class WavHeader {
    private WavHeader() {}

    /**
     * Consumes RIFF/WAVE and every chunk up to and including the "data" chunk's header (the data size ffmpeg cannot
     * know on a pipe is ignored: the samples run to the end of the stream).
     *
     * @return {sample rate, channels}, or null when the stream ends first (ffmpeg failed) or is no WAV
     */
    static int[] read(InputStream in) throws IOException {
        byte[] riff = in.readNBytes(12);
        if (riff.length < 12 || !id(riff, 0, "RIFF") || !id(riff, 8, "WAVE")) {
            return null;
        }
        int rate = 0, channels = 0;
        while (true) {
            byte[] h = in.readNBytes(8);
            if (h.length < 8) {
                return null;
            }
            long size = le32(h, 4);
            if (id(h, 0, "data")) {
                return rate > 0 && channels > 0 ? new int[] {rate, channels} : null;
            }
            if (id(h, 0, "fmt ")) {
                byte[] fmt = in.readNBytes((int) Math.min(size, 1024));
                if (fmt.length < 16) {
                    return null;
                }
                channels = (fmt[2] & 0xff) | (fmt[3] & 0xff) << 8;
                rate = (int) le32(fmt, 4);
                in.skipNBytes(size - fmt.length + (size & 1));
            } else {
                in.skipNBytes(size + (size & 1));
            }
        }
    }

    private static long le32(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }

    private static boolean id(byte[] b, int at, String s) {
        return new String(b, at, 4, StandardCharsets.ISO_8859_1).equals(s);
    }
}
