package io.wkmp.ingest.server.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.wkmp.ingest.core.amplitude.AmplitudeAnalyzer;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.port.AudioDecoder;
import io.wkmp.ingest.core.segment.Envelope;
import io.wkmp.ingest.core.segment.EnvelopeBuilder;
import io.wkmp.ingest.core.segment.FrameSpan;
import io.wkmp.ingest.core.time.Ticks;
import io.wkmp.ingest.server.ApiException;
import io.wkmp.ingest.server.security.RootPaths;
import io.wkmp.ingest.server.wire.AmplitudeView;
import java.nio.file.Path;
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
        ctx.json(AmplitudeView.of(
                paths.relative(file), env, start, end, result, result.summary().parametersUsed()));
    }
}
