package io.wkmp.ingest.server.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.wkmp.ingest.core.audio.Waveform;
import io.wkmp.ingest.core.audio.WaveformPeaks;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.params.Parameter;
import io.wkmp.ingest.core.port.AudioDecoder;
import io.wkmp.ingest.core.port.LibraryStore;
import io.wkmp.ingest.core.time.Ticks;
import io.wkmp.ingest.server.ApiException;
import io.wkmp.ingest.server.security.RootPaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Amplitude analysis of a file or a stretch of it ({@code POST /analyze/amplitude}): the RMS envelope in
 * dBFS at the RMS window of the import parameters, its peak, and the Lead-In and Lead-Out points found as the
 * first and last windows within the lead thresholds of that peak (decisions.md "Levels").
 */
public final class AnalyzeRoutes {
    private static final int MAX_WINDOWS = 20_000;

    private final AudioDecoder decoder;
    private final LibraryStore store;
    private final RootPaths paths;
    private final ObjectMapper json;

    public AnalyzeRoutes(AudioDecoder decoder, LibraryStore store, RootPaths paths, ObjectMapper json) {
        this.decoder = decoder;
        this.store = store;
        this.paths = paths;
        this.json = json;
    }

    public void register(JavalinDefaultRoutingApi r) {
        r.post("/analyze/amplitude", this::amplitude);
    }

    private void amplitude(Context ctx) {
        JsonBody body = JsonBody.of(ctx, json);
        Path file = paths.resolveFile(body.text("file_path"), "file_path");
        ImportParameters params = ImportParameters.fromSettings(store.readSettings(), p -> { })
                .with(body.textMap("parameters"));
        long start = body.has("start_ticks") ? body.number("start_ticks") : 0;
        long end = body.has("end_ticks") ? body.number("end_ticks") : -1;
        if (end < 0) {
            long probed = decoder.probe(file).durationTicks();
            end = probed > start ? probed : -1;
        }
        long windowTicks = Ticks.fromMillis(params.integer(Parameter.RMS_WINDOW_MS));
        int windows = end < 0 ? MAX_WINDOWS : (int) Math.max(1, Math.min(MAX_WINDOWS, (end - start) / windowTicks));
        WaveformPeaks peaks;
        try {
            peaks = new WaveformPeaks(start, end, windows);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_PARAMETER", e.getMessage());
        }
        decoder.decode(file, peaks);
        ctx.json(view(paths.relative(file), peaks.result(), params));
    }

    private static Map<String, Object> view(String path, Waveform w, ImportParameters params) {
        double peak = w.peakRmsDbfs();
        double leadInLevel = peak + params.decimal(Parameter.LEAD_IN_THRESHOLD_DB);
        double leadOutLevel = peak + params.decimal(Parameter.LEAD_OUT_THRESHOLD_DB);
        int first = -1;
        int last = -1;
        List<Double> profile = new ArrayList<>();
        for (int i = 0; i < w.buckets(); i++) {
            double db = Math.round(w.rmsDbfs(i) * 100) / 100.0;
            profile.add(db);
            if (first < 0 && db >= leadInLevel) {
                first = i;
            }
            if (db >= leadOutLevel) {
                last = i;
            }
        }
        long span = w.endTicks() - w.startTicks();
        int n = Math.max(1, w.buckets());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file_path", path);
        m.put("start_ticks", w.startTicks());
        m.put("end_ticks", w.endTicks());
        m.put("window_ticks", span / n);
        m.put("peak_rms_dbfs", Math.round(peak * 100) / 100.0);
        m.put("lead_in_start_ticks", first < 0 ? null : w.startTicks() + span * first / n);
        m.put("lead_out_start_ticks", last < 0 ? null : w.startTicks() + span * (last + 1) / n);
        m.put("rms_profile_dbfs", profile);
        return m;
    }
}
