package io.wkmp.ingest.testkit.fakes;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * AcousticBrainz high-level data from a {@link FakeCatalog}: {@code GET /api/v1/{mbid}/high-level} (404 when
 * the recording has none) and the bulk {@code GET /api/v1/high-level?recording_ids=a;b} (at most 25 ids;
 * recordings without data are left out). 429 when a client exceeds the rate. Base URL: {@link #apiUrl()}.
 */
public final class FakeAcousticBrainzServer extends FakeService {
    /** The real service: about 10 requests in 10 s. */
    public static final long MIN_INTERVAL_MS = 1000;
    /** Bulk request limit. */
    public static final int MAX_BULK = 25;

    private final FakeCatalog catalog;

    public FakeAcousticBrainzServer(FakeCatalog catalog) {
        this(catalog, MIN_INTERVAL_MS);
    }

    public FakeAcousticBrainzServer(FakeCatalog catalog, long minIntervalMs) {
        super(minIntervalMs);
        this.catalog = catalog;
    }

    /** What a client uses as {@code acousticbrainz_base_url}. */
    public String apiUrl() {
        return baseUrl() + "/api/v1";
    }

    @Override
    protected void routes(JavalinConfig config) {
        config.routes.get("/api/v1/high-level", endpoint("bulk-high-level", this::bulk));
        config.routes.get("/api/v1/{mbid}/high-level", endpoint("high-level", this::single));
    }

    @Override
    protected void rateLimited(Context ctx) {
        json(ctx, 429, Map.of("message", "Too many requests"));
    }

    private void single(Context ctx) {
        Optional<Map<String, Object>> doc = document(ctx.pathParam("mbid"));
        if (doc.isPresent()) {
            json(ctx, 200, doc.get());
        } else {
            json(ctx, 404, Map.of("message", "Not found"));
        }
    }

    private void bulk(Context ctx) {
        String ids = ctx.queryParam("recording_ids");
        if (ids == null || ids.isBlank()) {
            json(ctx, 400, Map.of("message", "Missing `recording_ids` parameter"));
            return;
        }
        String[] parts = ids.split(";");
        if (parts.length > MAX_BULK) {
            json(ctx, 400, Map.of("message", "More than " + MAX_BULK + " recordings not allowed per request"));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        for (String p : parts) {
            String mbid = p.split(":")[0];
            document(mbid).ifPresent(d -> body.put(mbid, Map.of("0", d)));
        }
        body.put("mbid_mapping", Map.of());
        json(ctx, 200, body);
    }

    private Optional<Map<String, Object>> document(String mbid) {
        return catalog.recording(mbid).filter(r -> !r.highLevel().isEmpty()).map(r -> {
            Map<String, Object> high = new LinkedHashMap<>();
            r.highLevel().forEach((model, classes) -> {
                Map.Entry<String, Double> best = classes.entrySet().stream()
                        .max(Map.Entry.comparingByValue())
                        .orElseThrow();
                high.put(model, Map.of("all", classes, "probability", best.getValue(), "value", best.getKey()));
            });
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("highlevel", high);
            doc.put(
                    "metadata",
                    Map.of(
                            "version",
                            Map.of("essentia", "2.1-beta1", "extractor", "music 1.0"),
                            "tags",
                            Map.of("musicbrainz_recordingid", java.util.List.of(mbid))));
            return doc;
        });
    }
}
