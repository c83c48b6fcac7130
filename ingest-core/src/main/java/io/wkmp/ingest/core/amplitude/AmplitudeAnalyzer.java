package io.wkmp.ingest.core.amplitude;

import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.params.Parameter;
import io.wkmp.ingest.core.passage.PassageTiming;
import io.wkmp.ingest.core.segment.Envelope;
import io.wkmp.ingest.core.segment.FrameSpan;
import io.wkmp.ingest.core.time.Ticks;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finds a passage's Lead-In and Lead-Out points and its natural fade-in/fade-out points from the file's
 * RMS envelope (levels relative to the passage's peak short-term RMS, decisions.md "Levels"), and its
 * peak and RMS levels. Crossing points are interpolated in dB between window centres, then expressed
 * as sample frames and converted to ticks. Stateless and thread-safe.
 */
public final class AmplitudeAnalyzer {
    private static final Parameter[] USED = {
        Parameter.RMS_WINDOW_MS,
        Parameter.LEAD_IN_THRESHOLD_DB,
        Parameter.LEAD_OUT_THRESHOLD_DB,
        Parameter.LEAD_MAX_FRACTION,
        Parameter.FADE_FLOOR_DB,
        Parameter.FADE_FULL_DB,
        Parameter.FADE_MIN_DURATION_MS
    };

    private final ImportParameters params;
    private final Map<String, String> used;

    public AmplitudeAnalyzer(ImportParameters params) {
        this.params = params;
        Map<String, String> m = new LinkedHashMap<>();
        for (Parameter p : USED) {
            m.put(p.key(), params.text(p));
        }
        this.used = Map.copyOf(m);
    }

    /** The result for one passage. */
    public record Result(PassageTiming timing, AmplitudeSummary summary) {}

    /** Analyses {@code span} of {@code env}. */
    public Result analyze(Envelope env, FrameSpan span) {
        EnvelopeView v = new EnvelopeView(env, span);
        double peak = v.peakDb();
        long start = span.startFrame();
        long end = span.endFrame();
        long maxLead = (long) Math.floor(params.decimal(Parameter.LEAD_MAX_FRACTION) * span.frames());
        long leadIn = Math.min(v.firstReaching(peak + params.decimal(Parameter.LEAD_IN_THRESHOLD_DB)), start + maxLead);
        long leadOut = Math.max(v.lastReaching(peak + params.decimal(Parameter.LEAD_OUT_THRESHOLD_DB)), end - maxLead);
        double floor = peak + params.decimal(Parameter.FADE_FLOOR_DB);
        double full = peak + params.decimal(Parameter.FADE_FULL_DB);
        long minFade = (long) params.integer(Parameter.FADE_MIN_DURATION_MS) * env.sampleRate() / 1000;
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
