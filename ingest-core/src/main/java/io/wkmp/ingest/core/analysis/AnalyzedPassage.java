package io.wkmp.ingest.core.analysis;

import io.wkmp.ingest.core.amplitude.AmplitudeSummary;
import io.wkmp.ingest.core.passage.PassageTiming;
import io.wkmp.ingest.core.port.Fingerprinter.Fingerprint;
import java.util.Objects;
import java.util.Optional;

/**
 * One passage found in a file: its seven timing points, its levels, and its fingerprint (the first
 * N seconds of the passage) or why it has none.
 *
 * @param cueTrack the cue sheet track this passage comes from, null when silence detection placed it
 */
public record AnalyzedPassage(
        PassageTiming timing,
        AmplitudeSummary amplitude,
        FingerprintStatus fingerprintStatus,
        Fingerprint fingerprint,
        CueTrackInfo cueTrack) {
    public AnalyzedPassage {
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(amplitude, "amplitude");
        Objects.requireNonNull(fingerprintStatus, "fingerprintStatus");
    }

    public Optional<Fingerprint> fingerprintValue() {
        return Optional.ofNullable(fingerprint);
    }

    /**
     * What a cue sheet says about a passage. Fields are null when the sheet leaves them out.
     *
     * @param number the TRACK number; 0 for audio found before track 1's INDEX 01 (a hidden pregap track)
     * @param performer the track's PERFORMER, else the sheet's
     */
    public record CueTrackInfo(int number, String title, String performer) {}
}
