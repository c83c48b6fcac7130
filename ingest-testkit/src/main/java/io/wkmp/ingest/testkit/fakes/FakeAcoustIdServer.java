package io.wkmp.ingest.testkit.fakes;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * AcoustID {@code POST /v2/lookup} (form-encoded, single and {@code batch=1} forms, at most 20
 * fingerprints) answering from a {@link FakeCatalog} by fingerprint bit similarity, with the service's
 * error codes (2 missing parameter, 3 invalid fingerprint, 4 invalid API key, 14 too many requests,
 * 19 request too large). Base URL for clients: {@link #apiUrl()}.
 */
public final class FakeAcoustIdServer extends FakeService {
    /** AcoustID's per-request fingerprint limit. */
    public static final int MAX_QUERIES = 20;
    /** The real service's limit: 3 requests a second. */
    public static final long MIN_INTERVAL_MS = 334;

    private final FakeCatalog catalog;
    private final Set<String> keys;
    private final AtomicInteger fingerprints = new AtomicInteger();

    /** A fake that accepts {@code validKeys} and enforces the real rate. */
    public FakeAcoustIdServer(FakeCatalog catalog, Set<String> validKeys) {
        this(catalog, validKeys, MIN_INTERVAL_MS);
    }

    public FakeAcoustIdServer(FakeCatalog catalog, Set<String> validKeys, long minIntervalMs) {
        super(minIntervalMs);
        this.catalog = catalog;
        this.keys = Set.copyOf(validKeys);
    }

    /** What a client uses as {@code acoustid_base_url}. */
    public String apiUrl() {
        return baseUrl() + "/v2";
    }

    /**
     * Fingerprints carried by the lookups with a valid key that were not refused for the rate (well-formed or
     * not): beside {@code requests("lookup")} it tells how well a client batches.
     */
    public int fingerprints() {
        return fingerprints.get();
    }

    @Override
    public void resetCounters() {
        super.resetCounters();
        fingerprints.set(0);
    }

    @Override
    protected void routes(JavalinConfig config) {
        config.routes.post("/v2/lookup", endpoint("lookup", this::lookup));
    }

    @Override
    protected void rateLimited(Context ctx) {
        error(ctx, 429, 14, "too many requests");
    }

    private void lookup(Context ctx) {
        String client = ctx.formParam("client");
        if (client == null || client.isBlank()) {
            error(ctx, 400, 2, "missing required parameter \"client\"");
            return;
        }
        if (faults().refusesKey() || !keys.contains(client)) {
            error(ctx, 400, 4, "invalid API key");
            return;
        }
        String meta = ctx.formParam("meta") == null ? "" : ctx.formParam("meta");
        boolean batch = "1".equals(ctx.formParam("batch"));
        List<String[]> queries = new ArrayList<>();
        if (batch) {
            for (int i = 0; ctx.formParam("fingerprint." + i) != null; i++) {
                queries.add(new String[] {ctx.formParam("fingerprint." + i), ctx.formParam("duration." + i)});
            }
        } else if (ctx.formParam("fingerprint") != null) {
            queries.add(new String[] {ctx.formParam("fingerprint"), ctx.formParam("duration")});
        }
        fingerprints.addAndGet(queries.size());
        if (queries.isEmpty()) {
            error(ctx, 400, 2, "missing required parameter \"fingerprint\"");
            return;
        }
        if (queries.size() > MAX_QUERIES) {
            error(ctx, 413, 19, "request too large");
            return;
        }
        List<List<Object>> answers = new ArrayList<>();
        for (String[] q : queries) {
            int duration;
            try {
                duration = Integer.parseInt(q[1]);
            } catch (NumberFormatException | NullPointerException e) {
                error(ctx, 400, 8, "invalid duration");
                return;
            }
            int[] raw;
            try {
                raw = ChromaprintCodec.decode(q[0]);
            } catch (IllegalArgumentException e) {
                error(ctx, 400, 3, "invalid fingerprint");
                return;
            }
            answers.add(results(raw, duration, meta));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        if (batch) {
            List<Object> fps = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                Map<String, Object> fp = new LinkedHashMap<>();
                fp.put("index", i);
                fp.put("results", answers.get(i));
                fps.add(fp);
            }
            body.put("fingerprints", fps);
        } else {
            body.put("results", answers.get(0));
        }
        json(ctx, 200, body);
    }

    private List<Object> results(int[] raw, int duration, String meta) {
        List<Object> results = new ArrayList<>();
        for (FakeCatalog.Match m : catalog.matchFingerprint(raw, duration)) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put(
                    "id",
                    UUID.nameUUIDFromBytes(("acoustid/" + m.recording().id()).getBytes())
                            .toString());
            result.put("score", Math.round(Math.min(1, (m.similarity() - 0.5) * 2) * 10_000) / 10_000.0);
            if (meta.contains("recording")) {
                result.put("recordings", List.of(recording(m.recording(), meta)));
            }
            results.add(result);
        }
        return results;
    }

    private Map<String, Object> recording(FakeCatalog.Recording r, String meta) {
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("id", r.id());
        rec.put("title", r.title());
        rec.put("duration", r.lengthMs() / 1000);
        List<Object> artists = new ArrayList<>();
        r.artists().forEach(a -> artists.add(Map.of("id", a.id(), "name", a.name())));
        rec.put("artists", artists);
        if (meta.contains("releasegroups") || meta.contains("releases")) {
            Map<String, List<Object>> byGroup = new LinkedHashMap<>();
            Map<String, FakeCatalog.Release> groupRelease = new LinkedHashMap<>();
            for (FakeCatalog.Release rel : catalog.releasesOf(r.id())) {
                byGroup.computeIfAbsent(rel.releaseGroupId(), k -> new ArrayList<>())
                        .add(release(rel, r.id()));
                groupRelease.putIfAbsent(rel.releaseGroupId(), rel);
            }
            List<Object> groups = new ArrayList<>();
            byGroup.forEach((id, rels) -> groups.add(Map.of(
                    "id", id, "type", "Album", "title", groupRelease.get(id).title(), "releases", rels)));
            rec.put("releasegroups", groups);
        }
        return rec;
    }

    private static Map<String, Object> release(FakeCatalog.Release rel, String recordingId) {
        List<Object> mediums = new ArrayList<>();
        for (FakeCatalog.Medium m : rel.media()) {
            List<Object> tracks = new ArrayList<>();
            for (int i = 0; i < m.recordings().size(); i++) {
                if (m.recordings().get(i).id().equals(recordingId)) {
                    tracks.add(Map.of(
                            "id",
                            rel.trackId(m.position(), i + 1),
                            "position",
                            i + 1,
                            "title",
                            m.recordings().get(i).title()));
                }
            }
            mediums.add(Map.of(
                    "position",
                    m.position(),
                    "format",
                    m.format(),
                    "track_count",
                    m.recordings().size(),
                    "tracks",
                    tracks));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", rel.id());
        out.put("title", rel.title());
        out.put("track_count", rel.trackCount());
        out.put("medium_count", rel.media().size());
        out.put("mediums", mediums);
        return out;
    }

    private static void error(Context ctx, int status, int code, String message) {
        json(ctx, status, Map.of("status", "error", "error", Map.of("code", code, "message", message)));
    }
}
