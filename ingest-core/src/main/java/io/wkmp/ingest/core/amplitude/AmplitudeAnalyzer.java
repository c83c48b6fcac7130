package io.wkmp.ingest.core.amplitude;

import io.wkmp.ingest.core.params.Analysis;
import io.wkmp.ingest.core.params.LeadsAndFades;
import io.wkmp.ingest.core.params.Parameter;
import io.wkmp.ingest.core.passage.PassageTiming;
import io.wkmp.ingest.core.segment.Envelope;
import io.wkmp.ingest.core.segment.FrameSpan;
import io.wkmp.ingest.core.time.Ticks;
import java.util.Map;

/**
 * Finds a passage's Lead-In and Lead-Out points and its natural fade-in/fade-out points from the file's
 * RMS envelope (levels relative to the passage's peak short-term RMS, decisions.md "Levels"), and its
 * peak and RMS levels. Crossing points are interpolated in dB between window centres, then expressed
 * as sample frames and converted to ticks. Stateless and thread-safe.
 */
public final class AmplitudeAnalyzer {
    private final LeadsAndFades params;
    private final Map<String, String> used;

    /**
     * With the analysis' leads and fades; its RMS window and silence threshold are reported as used (the envelope was
     * built with them).
     */
    public AmplitudeAnalyzer(Analysis analysis) {
        this.params = analysis.leadsAndFades();
        this.used = Map.of(
                Parameter.RMS_WINDOW_MS.key(),
                        String.valueOf(analysis.segmentation().rmsWindowMs()),
                Parameter.SILENCE_THRESHOLD_DBFS.key(),
                        String.valueOf(analysis.segmentation().silenceThresholdDbfs()),
                Parameter.LEAD_IN_THRESHOLD_DB.key(), String.valueOf(params.leadInThresholdDb()),
                Parameter.LEAD_OUT_THRESHOLD_DB.key(), String.valueOf(params.leadOutThresholdDb()),
                Parameter.LEAD_MAX_FRACTION.key(), String.valueOf(params.leadMaxFraction()),
                Parameter.FADE_FLOOR_DB.key(), String.valueOf(params.fadeFloorDb()),
                Parameter.FADE_FULL_DB.key(), String.valueOf(params.fadeFullDb()),
                Parameter.FADE_MIN_DURATION_MS.key(), String.valueOf(params.fadeMinDurationMs()));
    }

    /** The result for one passage. */
    public record Result(PassageTiming timing, AmplitudeSummary summary) {}

    /** Analyses {@code span} of {@code env}. */
    public Result analyze(Envelope env, FrameSpan span) {
        EnvelopeView v = new EnvelopeView(env, span);
        double peak = v.peakDb();
        long start = span.startFrame();
        long end = span.endFrame();
        long maxLead = (long) Math.floor(params.leadMaxFraction() * span.frames());
        long leadIn = Math.min(v.firstReaching(peak + params.leadInThresholdDb()), start + maxLead);
        long leadOut = Math.max(v.lastReaching(peak + params.leadOutThresholdDb()), end - maxLead);
        double floor = peak + params.fadeFloorDb();
        double full = peak + params.fadeFullDb();
        long minFade = (long) params.fadeMinDurationMs() * env.sampleRate() / 1000;
        long fadeInStart = v.firstReaching(floor);
        long fadeInEnd = v.firstReaching(full);
        boolean fadeIn = fadeInEnd - fadeInStart >= Math.max(1, minFade);
        long fadeOutStart = v.lastReaching(full);
        boolean fadeOut = v.lastReaching(floor) - fadeOutStart >= Math.max(1, minFade);
        int rate = env.sampleRate();
        PassageTiming timing = new PassageTiming(
                Ticks.fromSamples(start, rate),
                Ticks.fromSamples(end, rate),
                Ticks.fromSamples(leadIn, rate),
                Ticks.fromSamples(leadOut, rate),
                fadeIn ? Ticks.fromSamples(fadeInStart, rate) : null,
                fadeIn ? Ticks.fromSamples(fadeInEnd, rate) : null,
                fadeOut ? Ticks.fromSamples(fadeOutStart, rate) : null);
        return new Result(timing, new AmplitudeSummary(peak, v.rmsDb(), used));
    }
}
