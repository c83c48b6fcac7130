package io.wkmp.ingest.server.wire;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.wkmp.ingest.core.amplitude.AmplitudeAnalyzer;
import io.wkmp.ingest.core.segment.Envelope;
import io.wkmp.ingest.core.time.Ticks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code POST /analyze/amplitude}: the stretch analysed, its levels, the Lead-In/Lead-Out and fade
 * points, the parameters used and the RMS profile in dBFS (one value a window, two decimals).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AmplitudeView(
        String filePath,
        long startTicks,
        long endTicks,
        long windowTicks,
        double peakRmsDbfs,
        double rmsDbfs,
        Long leadInStartTicks,
        Long leadOutStartTicks,
        Long fadeInStartTicks,
        Long fadeInEndTicks,
        Long fadeOutStartTicks,
        Map<String, String> parametersUsed,
        List<Double> rmsProfileDbfs) {

    public static AmplitudeView of(
            String path, Envelope env, long start, long end, AmplitudeAnalyzer.Result r, Map<String, String> used) {
        List<Double> profile = new ArrayList<>();
        for (int i = env.windowOf(start); i <= env.windowOf(end - 1); i++) {
            profile.add(round(env.levelDbfs(i)));
        }
        return new AmplitudeView(
                path,
                r.timing().start(),
                r.timing().end(),
                Ticks.fromSamples(env.windowFrames(), env.sampleRate()),
                round(r.summary().peakDbfs()),
                round(r.summary().rmsDbfs()),
                r.timing().leadIn(),
                r.timing().leadOut(),
                r.timing().fadeInStart(),
                r.timing().fadeInEnd(),
                r.timing().fadeOutStart(),
                used,
                profile);
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
