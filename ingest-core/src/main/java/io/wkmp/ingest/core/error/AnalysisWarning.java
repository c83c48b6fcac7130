package io.wkmp.ingest.core.error;

import java.util.Objects;

/** Something the analysis noticed that lessens the result but does not stop the file. */
public record AnalysisWarning(ErrorCode code, String message) {
    public AnalysisWarning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
