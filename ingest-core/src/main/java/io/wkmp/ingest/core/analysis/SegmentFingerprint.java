package io.wkmp.ingest.core.analysis;

import io.wkmp.ingest.core.port.Fingerprinter.Fingerprint;
import java.util.Objects;
import java.util.Optional;

/**
 * The fingerprint outcome of one segment, keyed by the segment's first frame.
 *
 * @param fingerprint present only when {@code status} is OK
 */
public record SegmentFingerprint(long startFrame, FingerprintStatus status, Fingerprint fingerprint, String message) {
    public SegmentFingerprint {
        Objects.requireNonNull(status, "status");
        if ((status == FingerprintStatus.OK) != (fingerprint != null)) {
            throw new IllegalArgumentException("a fingerprint is present exactly when the status is OK, got " + status);
        }
    }

    public Optional<Fingerprint> value() {
        return Optional.ofNullable(fingerprint);
    }
}
