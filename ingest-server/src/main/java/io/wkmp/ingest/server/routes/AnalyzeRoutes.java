package io.wkmp.ingest.server.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.wkmp.ingest.core.amplitude.AmplitudeAnalyzer;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.params.Parameter;
import io.wkmp.ingest.core.port.AudioDecoder;
import io.wkmp.ingest.core.segment.Envelope;
import io.wkmp.ingest.core.segment.EnvelopeBuilder;
import io.wkmp.ingest.core.segment.FrameSpan;
import io.wkmp.ingest.core.time.Ticks;
import io.wkmp.ingest.server.ApiException;
import io.wkmp.ingest.server.security.RootPaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Amplitude analysis of a file or a stretch of it ({@code POST /analyze/amplitude}) with the import's own
 * {@link AmplitudeAnalyzer}: Lead-In/Lead-Out and natural-fade points, peak and RMS levels, and the RMS
 * envelope in dBFS at the parameters' window. Parameters are the current ones (what an import would get: the stored
 * settings with the server's overrides) with the request's changes.
 */
public final class AnalyzeRoutes {
    private final AudioDecoder decoder;
    private final Supplier<ImportParameters> current;
    private final RootPaths paths;
    private final ObjectMapper json;

    /** @param current the current parameters (the stored settings with the server's overrides) */
    public AnalyzeRoutes(AudioDecoder decoder, Supplier<ImportParameters> current, RootPaths paths, ObjectMapper json) {
        this.decoder = decoder;
        this.current = current;
        this.paths = paths;
        this.json = json;
    }

    public void register(JavalinDefaultRoutingApi r) {
        r.post("/analyze/amplitude", this::amplitude);
    }

    private void amplitude(Context ctx) {
        JsonBody body = JsonBody.of(ctx, json);
        Path file = paths.resolveFile(body.text("file_path"), "file_path");
        ImportParameters params = current.get().with(body.textMap("parameters"));
        Long startTicks = body.number("start_ticks");
        Long endTicks = body.number("end_ticks");
        EnvelopeBuilder builder = new EnvelopeBuilder(
                params.analysis().segmentation().rmsWindowMs(),
                params.analysis().segmentation().silenceThresholdDbfs(),
                (envelope, index) -> {});
        decoder.decode(file, builder);
        Envelope env = builder.envelope();
        int rate = env.sampleRate();
        long start =
                startTicks == null ? 0 : Ticks.toSamples(Ticks.requireNonNegative(startTicks, "start_ticks"), rate);
        long end = endTicks == null ? env.totalFrames() : Math.min(env.totalFrames(), Ticks.toSamples(endTicks, rate));
        if (end <= start) {
            throw ApiException.badRequest(
                    "INVALID_PARAMETER",
                    "the stretch to analyse is empty: it must end after it starts"
                            + " and start before the end of the file (" + Ticks.fromSamples(env.totalFrames(), rate)
                            + " ticks)");
        }
        AmplitudeAnalyzer.Result result =
                new AmplitudeAnalyzer(params.analysis()).analyze(env, new FrameSpan(start, end, Double.NaN));
        Map<String, String> used = new LinkedHashMap<>(result.summary().parametersUsed());
        used.put(
                Parameter.SILENCE_THRESHOLD_DBFS.key(),
                String.valueOf(params.analysis().segmentation().silenceThresholdDbfs()));
        ctx.json(view(paths.relative(file), env, start, end, result, used));
    }

    private static Map<String, Object> view(
            String path, Envelope env, long start, long end, AmplitudeAnalyzer.Result r, Map<String, String> used) {
        List<Double> profile = new ArrayList<>();
        for (int i = env.windowOf(start); i <= env.windowOf(end - 1); i++) {
            profile.add(round(env.levelDbfs(i)));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file_path", path);
        m.put("start_ticks", r.timing().start());
        m.put("end_ticks", r.timing().end());
        m.put("window_ticks", Ticks.fromSamples(env.windowFrames(), env.sampleRate()));
        m.put("peak_rms_dbfs", round(r.summary().peakDbfs()));
        m.put("rms_dbfs", round(r.summary().rmsDbfs()));
        m.put("lead_in_start_ticks", r.timing().leadIn());
        m.put("lead_out_start_ticks", r.timing().leadOut());
        m.put("fade_in_start_ticks", r.timing().fadeInStart());
        m.put("fade_in_end_ticks", r.timing().fadeInEnd());
        m.put("fade_out_start_ticks", r.timing().fadeOutStart());
        m.put("parameters_used", used);
        m.put("rms_profile_dbfs", profile);
        return m;
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
