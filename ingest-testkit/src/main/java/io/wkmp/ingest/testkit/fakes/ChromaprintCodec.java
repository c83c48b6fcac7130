package io.wkmp.ingest.testkit.fakes;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Chromaprint's fingerprint compression (src/fingerprint_compressor.cpp, fingerprint_decompressor.cpp):
 * one byte algorithm, three bytes item count (big-endian), then the XOR deltas of consecutive items as
 * gaps between set bits, packed as little-endian 3-bit values (7 = "see the 5-bit exception list"),
 * followed by the packed 5-bit exceptions; URL-safe base64 without padding. Stateless.
 */
public final class ChromaprintCodec {
    private static final int MAX_NORMAL = 7;

    private ChromaprintCodec() {}

    /** Raw 32-bit items of a compressed base64 fingerprint. */
    public static int[] decode(String encoded) {
        byte[] data;
        try {
            data = Base64.getUrlDecoder().decode(encoded.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fingerprint is not URL-safe base64", e);
        }
        if (data.length < 4) {
            throw new IllegalArgumentException("fingerprint too short: " + data.length + " bytes");
        }
        int count = ((data[1] & 0xff) << 16) | ((data[2] & 0xff) << 8) | (data[3] & 0xff);
        BitReader normal = new BitReader(data, 4);
        List<Integer> values = new ArrayList<>();
        int zeros = 0;
        while (zeros < count) {
            if (!normal.has(3)) {
                throw new IllegalArgumentException("fingerprint truncated in its bit gaps");
            }
            int v = normal.read(3);
            values.add(v);
            if (v == 0) {
                zeros++;
            }
        }
        int normalBytes = (values.size() * 3 + 7) / 8;
        BitReader exceptional = new BitReader(data, 4 + normalBytes);
        int[] items = new int[count];
        int item = 0, bit = 0;
        for (int v : values) {
            if (v == 0) {
                item++;
                bit = 0;
                continue;
            }
            int gap = v;
            if (v == MAX_NORMAL) {
                if (!exceptional.has(5)) {
                    throw new IllegalArgumentException("fingerprint truncated in its exceptions");
                }
                gap += exceptional.read(5);
            }
            bit += gap;
            if (bit > 32) {
                throw new IllegalArgumentException("fingerprint bit position " + bit + " out of range");
            }
            items[item] |= 1 << (bit - 1);
        }
        for (int i = 1; i < count; i++) {
            items[i] ^= items[i - 1];
        }
        return items;
    }

    /** The compressed base64 form of raw items, as {@code chromaprint_encode_fingerprint} makes it. */
    public static String encode(int[] raw, int algorithm) {
        List<Integer> normal = new ArrayList<>();
        List<Integer> exceptions = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            int x = i == 0 ? raw[0] : raw[i] ^ raw[i - 1];
            int bit = 1, last = 0;
            while (x != 0) {
                if ((x & 1) != 0) {
                    int gap = bit - last;
                    if (gap >= MAX_NORMAL) {
                        exceptions.add(gap - MAX_NORMAL);
                        gap = MAX_NORMAL;
                    }
                    normal.add(gap);
                    last = bit;
                }
                x >>>= 1;
                bit++;
            }
            normal.add(0);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(algorithm & 0xff);
        out.write((raw.length >> 16) & 0xff);
        out.write((raw.length >> 8) & 0xff);
        out.write(raw.length & 0xff);
        pack(normal, 3, out);
        pack(exceptions, 5, out);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /** Share of equal bits of two raw fingerprints aligned at their starts, over the shorter length; 0 when either is empty. */
    public static double similarity(int[] a, int[] b) {
        int n = Math.min(a.length, b.length);
        if (n == 0) {
            return 0;
        }
        long errors = 0;
        for (int i = 0; i < n; i++) {
            errors += Integer.bitCount(a[i] ^ b[i]);
        }
        return 1 - errors / (32.0 * n);
    }

    private static void pack(List<Integer> values, int width, ByteArrayOutputStream out) {
        long acc = 0;
        int bits = 0;
        for (int v : values) {
            acc |= (long) v << bits;
            bits += width;
            while (bits >= 8) {
                out.write((int) (acc & 0xff));
                acc >>>= 8;
                bits -= 8;
            }
        }
        if (bits > 0) {
            out.write((int) (acc & 0xff));
        }
    }

    /** Little-endian bit reader over a byte array from an offset. */
    private static final class BitReader {
        private final byte[] data;
        private long position;

        BitReader(byte[] data, int byteOffset) {
            this.data = data;
            this.position = byteOffset * 8L;
        }

        boolean has(int width) {
            return position + width <= data.length * 8L;
        }

        int read(int width) {
            int v = 0;
            for (int i = 0; i < width; i++, position++) {
                int b = (data[(int) (position >>> 3)] >>> (position & 7)) & 1;
                v |= b << i;
            }
            return v;
        }
    }
}
