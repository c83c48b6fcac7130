package io.wkmp.ingest.core.scan;

import java.util.List;

/** What a scan found: accepted audio files in path order, and rejected candidates with reasons. */
public record ScanResult(List<ScannedFile> accepted, List<RejectedFile> rejected) {
    public ScanResult {
        accepted = List.copyOf(accepted);
        rejected = List.copyOf(rejected);
    }
}
