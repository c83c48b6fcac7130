package io.wkmp.ingest.core.scan;

import io.wkmp.ingest.core.error.ErrorCode;
import java.util.Objects;

/** A file with an audio extension (or a link to one) that the scanner turned down, and why. */
public record RejectedFile(String relativePath, ErrorCode code, String reason) {
    public RejectedFile {
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
    }
}
