package io.wkmp.ingest.core.time;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * WKMP's unit of time: 28,224,000 ticks per second, the least common multiple of the eleven sample
 * rates WKMP supports (8 kHz .. 192 kHz), so every sample boundary of those rates is a whole number
 * of ticks (SPEC017). All passage timing points are stored as ticks.
 *
 * <p>Conversions from sample counts are exact for any rate that divides {@link #PER_SECOND}; for
 * other rates they round half up, computed without overflow. Stateless and thread-safe.
 */
public final class Ticks {
    /** Ticks in one second. */
    public static final long PER_SECOND = 28_224_000L;
    /** Ticks in one millisecond. */
    public static final long PER_MILLISECOND = PER_SECOND / 1000;

    /** The sample rates WKMP supports, each an exact divisor of {@link #PER_SECOND}. */
    public static final int[] WKMP_RATES = {8000, 11025, 16000, 22050, 32000, 44100, 48000, 88200, 96000, 176400, 192000
    };

    private static final BigInteger BIG_PER_SECOND = BigInteger.valueOf(PER_SECOND);

    private Ticks() {}

    /** True when one sample at {@code sampleRate} is a whole number of ticks. */
    public static boolean isExactRate(int sampleRate) {
        return sampleRate > 0 && PER_SECOND % sampleRate == 0;
    }

    /** Ticks per sample at an exact rate, e.g. 640 at 44.1 kHz. */
    public static long perSample(int sampleRate) {
        requireRate(sampleRate);
        if (!isExactRate(sampleRate)) {
            throw new IllegalArgumentException(
                    "sample rate " + sampleRate + " Hz does not divide " + PER_SECOND + " ticks/s; use fromSamples");
        }
        return PER_SECOND / sampleRate;
    }

    /** Position or length of {@code samples} sample frames at {@code sampleRate}, in ticks (rounded half up for inexact rates). */
    public static long fromSamples(long samples, int sampleRate) {
        requireRate(sampleRate);
        if (samples < 0) {
            throw new IllegalArgumentException("sample count must be >= 0, got " + samples);
        }
        if (isExactRate(sampleRate)) {
            return Math.multiplyExact(samples, PER_SECOND / sampleRate);
        }
        if (samples <= Long.MAX_VALUE / PER_SECOND) {
            return (samples * PER_SECOND + sampleRate / 2) / sampleRate;
        }
        BigInteger[] qr =
                BigInteger.valueOf(samples).multiply(BIG_PER_SECOND).divideAndRemainder(BigInteger.valueOf(sampleRate));
        BigInteger q = qr[0];
        if (qr[1].shiftLeft(1).compareTo(BigInteger.valueOf(sampleRate)) >= 0) {
            q = q.add(BigInteger.ONE);
        }
        return q.longValueExact();
    }

    /** The sample frame that contains tick position {@code ticks} (floor), at {@code sampleRate}. */
    public static long toSamples(long ticks, int sampleRate) {
        requireRate(sampleRate);
        requireNonNegative(ticks, "ticks");
        if (ticks <= Long.MAX_VALUE / sampleRate) {
            return ticks * sampleRate / PER_SECOND;
        }
        return BigInteger.valueOf(ticks)
                .multiply(BigInteger.valueOf(sampleRate))
                .divide(BIG_PER_SECOND)
                .longValueExact();
    }

    /** Seconds to ticks, rounded to the nearest tick (half up). Rejects NaN, infinities and negative values. */
    public static long fromSeconds(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("seconds must be a finite number, got " + seconds);
        }
        if (seconds < 0) {
            throw new IllegalArgumentException("seconds must be >= 0, got " + seconds);
        }
        return BigDecimal.valueOf(seconds)
                .multiply(BigDecimal.valueOf(PER_SECOND))
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** Milliseconds to ticks (exact). */
    public static long fromMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("milliseconds must be >= 0, got " + millis);
        }
        return Math.multiplyExact(millis, PER_MILLISECOND);
    }

    /** Ticks to seconds, for display and APIs whose field names say seconds. */
    public static double toSeconds(long ticks) {
        return ticks / (double) PER_SECOND;
    }

    /** Ticks to whole milliseconds, rounded half up. */
    public static long toMillis(long ticks) {
        return Math.floorDiv(ticks + PER_MILLISECOND / 2, PER_MILLISECOND);
    }

    /** Returns {@code ticks}, or throws naming {@code what} when it is negative. */
    public static long requireNonNegative(long ticks, String what) {
        if (ticks < 0) {
            throw new IllegalArgumentException(what + " must be >= 0 ticks, got " + ticks);
        }
        return ticks;
    }

    /** {@code m:ss.mmm} (or {@code h:mm:ss.mmm}) for logs and summaries. */
    public static String format(long ticks) {
        long ms = toMillis(Math.abs(ticks));
        long h = ms / 3_600_000, m = ms / 60_000 % 60, s = ms / 1000 % 60, milli = ms % 1000;
        String sign = ticks < 0 ? "-" : "";
        return h > 0
                ? String.format("%s%d:%02d:%02d.%03d", sign, h, m, s, milli)
                : String.format("%s%d:%02d.%03d", sign, m, s, milli);
    }

    private static void requireRate(int sampleRate) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be > 0 Hz, got " + sampleRate);
        }
    }
}
