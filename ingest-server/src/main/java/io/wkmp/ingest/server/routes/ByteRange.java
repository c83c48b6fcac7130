package io.wkmp.ingest.server.routes;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a file of known size, from a {@code Range} request header (RFC 9110 §14.1.2):
 * {@code bytes=first-last}, {@code bytes=first-} or the suffix {@code bytes=-length}; a last position past the end
 * means the end. A header this server does not act on (another unit, several ranges, a malformed or reversed
 * range) is ignored, as the RFC allows: the whole file is sent.
 *
 * @param first the first byte, inclusive
 * @param last the last byte, inclusive
 */
record ByteRange(long first, long last) {
    private static final Pattern SPEC = Pattern.compile("(\\d*)-(\\d*)");

    /** A range that lies entirely past the end of the file (416, with {@code Content-Range: bytes *}{@code /size}). */
    static final class NotSatisfiable extends Exception {
        NotSatisfiable(String message) {
            super(message);
        }
    }

    /** Bytes in the range. */
    long length() {
        return last - first + 1;
    }

    /** The {@code Content-Range} of a 206 answer. */
    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /**
     * The range {@code header} asks for in a file of {@code size} bytes; empty when the header is absent or
     * ignored (then the whole file is the answer).
     *
     * @throws NotSatisfiable when the range starts at or past the end of the file, or is an empty suffix
     */
    static Optional<ByteRange> of(String header, long size) throws NotSatisfiable {
        if (header == null) {
            return Optional.empty();
        }
        int eq = header.indexOf('=');
        if (eq < 0 || !header.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("bytes")) {
            return Optional.empty();
        }
        Matcher m = SPEC.matcher(header.substring(eq + 1).strip());
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return Optional.empty();
        }
        long first;
        long last;
        try {
            first = m.group(1).isEmpty() ? -1 : Long.parseLong(m.group(1));
            last = m.group(2).isEmpty() ? -1 : Long.parseLong(m.group(2));
        } catch (NumberFormatException tooLong) {
            return Optional.empty();
        }
        if (first < 0) { // suffix range: the last `last` bytes
            if (last == 0) {
                throw new NotSatisfiable("an empty suffix range (bytes=-0) selects nothing of the " + size + " bytes");
            }
            return size == 0 ? Optional.empty() : Optional.of(new ByteRange(Math.max(0, size - last), size - 1));
        }
        if (last >= 0 && last < first) {
            return Optional.empty();
        }
        if (first >= size) {
            throw new NotSatisfiable("the range starts at byte " + first + ", past the end of the " + size + " bytes");
        }
        return Optional.of(new ByteRange(first, last < 0 ? size - 1 : Math.min(last, size - 1)));
    }
}
