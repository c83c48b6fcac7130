package io.wkmp.ingest.adapters.chromaprint;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.FileRejectedException;
import io.wkmp.ingest.core.port.Fingerprinter;
import java.nio.charset.StandardCharsets;

/**
 * Chromaprint fingerprints through libchromaprint (JNA), fed at the decoder's native rate and channels
 * so results equal {@code fpcalc}'s. One native context per session, always freed on close. Audio too
 * short to fingerprint yields an empty fingerprint rather than an error. Thread-safe; sessions are not.
 */
public final class ChromaprintFingerprinter implements Fingerprinter {
    /** The Debian/Ubuntu package that provides the library. */
    public static final String PACKAGE = "libchromaprint1";

    private final LibChromaprint lib;

    /**
     * Loads libchromaprint.
     *
     * @throws IllegalStateException naming the package to install when the library is missing
     */
    public ChromaprintFingerprinter() {
        try {
            this.lib = Native.load("chromaprint", LibChromaprint.class);
        } catch (UnsatisfiedLinkError e) {
            throw new IllegalStateException(
                    "libchromaprint was not found; install it (Debian/Ubuntu: apt-get install " + PACKAGE
                            + ", Fedora: dnf install libchromaprint, macOS: brew install chromaprint)",
                    e);
        }
    }

    /** The library's version, e.g. "1.5.1". */
    public String version() {
        return lib.chromaprint_get_version();
    }

    @Override
    public Session open(int sampleRate, int channels) {
        if (channels < 1 || channels > 2) {
            throw new IllegalArgumentException("Chromaprint takes 1 or 2 channels, got " + channels);
        }
        Pointer ctx = lib.chromaprint_new(LibChromaprint.ALGORITHM_DEFAULT);
        if (ctx == null) {
            throw new FileRejectedException(ErrorCode.FINGERPRINT_FAILED, "chromaprint_new failed");
        }
        if (lib.chromaprint_start(ctx, sampleRate, channels) != 1) {
            lib.chromaprint_free(ctx);
            throw new FileRejectedException(
                    ErrorCode.FINGERPRINT_FAILED,
                    "chromaprint_start refused " + sampleRate + " Hz x " + channels + " channels");
        }
        return new NativeSession(ctx);
    }

    private final class NativeSession implements Session {
        private Pointer ctx;
        private short[] scratch = new short[0];
        private long fedSamples;

        NativeSession(Pointer ctx) {
            this.ctx = ctx;
        }

        @Override
        public void feed(short[] pcm, int offset, int sampleCount) {
            requireOpen();
            short[] data = pcm;
            if (offset != 0) {
                if (scratch.length < sampleCount) {
                    scratch = new short[sampleCount];
                }
                System.arraycopy(pcm, offset, scratch, 0, sampleCount);
                data = scratch;
            }
            if (lib.chromaprint_feed(ctx, data, sampleCount) != 1) {
                throw new FileRejectedException(ErrorCode.FINGERPRINT_FAILED, "chromaprint_feed failed");
            }
            fedSamples += sampleCount;
        }

        @Override
        public Fingerprint finish() {
            requireOpen();
            if (lib.chromaprint_finish(ctx) != 1) {
                throw new FileRejectedException(ErrorCode.FINGERPRINT_FAILED, "chromaprint_finish failed");
            }
            PointerByReference ref = new PointerByReference();
            IntByReference size = new IntByReference();
            if (lib.chromaprint_get_raw_fingerprint(ctx, ref, size) != 1 || ref.getValue() == null) {
                return new Fingerprint("", new int[0]);
            }
            int[] raw = size.getValue() > 0 ? ref.getValue().getIntArray(0, size.getValue()) : new int[0];
            lib.chromaprint_dealloc(ref.getValue());
            if (raw.length == 0) {
                return new Fingerprint("", raw);
            }
            PointerByReference enc = new PointerByReference();
            if (lib.chromaprint_get_fingerprint(ctx, enc) != 1 || enc.getValue() == null) {
                throw new FileRejectedException(
                        ErrorCode.FINGERPRINT_FAILED,
                        "chromaprint_get_fingerprint failed after " + fedSamples + " samples");
            }
            String encoded = enc.getValue().getString(0, StandardCharsets.US_ASCII.name());
            lib.chromaprint_dealloc(enc.getValue());
            return new Fingerprint(encoded, raw);
        }

        @Override
        public void close() {
            if (ctx != null) {
                lib.chromaprint_free(ctx);
                ctx = null;
            }
        }

        private void requireOpen() {
            if (ctx == null) {
                throw new IllegalStateException("fingerprint session already closed");
            }
        }
    }
}
