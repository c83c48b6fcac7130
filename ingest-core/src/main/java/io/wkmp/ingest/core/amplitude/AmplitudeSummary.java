package io.wkmp.ingest.core.amplitude;

import java.util.Map;

/**
 * Levels measured on a passage and the parameters used, kept as the passage's analysis record.
 *
 * @param peakDbfs highest short-term RMS level of the passage
 * @param rmsDbfs RMS level over the whole passage
 */
public record AmplitudeSummary(double peakDbfs, double rmsDbfs, Map<String, String> parametersUsed) {
    public AmplitudeSummary {
        parametersUsed = Map.copyOf(parametersUsed);
    }
}
