package io.wkmp.ingest.testkit.fakes;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * AcoustID {@code POST /v2/lookup} (form-encoded, single and {@code batch=1} forms, at most 20
 * fingerprints) answering from a {@link FakeCatalog} by fingerprint bit similarity, with the service's
 * error codes (2 missing parameter, 3 invalid fingerprint, 4 invalid API key, 14 too many requests,
 * 19 request too large). It parses and answers a lookup as the service does (acoustid-server,
 * {@code acoustid/api/v2/__init__.py}, LookupHandler): the queries in suffix order, a batch answer
 * {@code {"status":"ok","fingerprints":[{"index":N,"results":[...]}]}} where a query it cannot read is left out
 * (an error only when none can be read), results {@code {"id","score","recordings":[...]}}. Base URL for clients:
 * {@link #apiUrl()}.
 */
public final class FakeAcoustIdServer extends FakeService {
    /** AcoustID's per-request fingerprint limit. */
    public static final int MAX_QUERIES = 20;
    /** The real service's limit: 3 requests a second. */
    public static final long MIN_INTERVAL_MS = 334;

    private final AcoustIdAnswers answers;
    private final Set<String> keys;
    private final AtomicInteger fingerprints = new AtomicInteger();

    /** A fake that accepts {@code validKeys} and enforces the real rate. */
    public FakeAcoustIdServer(FakeCatalog catalog, Set<String> validKeys) {
        this(catalog, validKeys, MIN_INTERVAL_MS);
    }

    public FakeAcoustIdServer(FakeCatalog catalog, Set<String> validKeys, long minIntervalMs) {
        super(minIntervalMs);
        this.answers = new AcoustIdAnswers(catalog);
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
        // as the service parses a lookup: every "fingerprint" / "fingerprint.N" in suffix order; in a batch a query it
        // cannot read is left out, and refused only when it is the last one and none before could be read
        List<Integer> suffixes = suffixes(ctx.formParamMap().keySet());
        if (suffixes.isEmpty()) {
            error(ctx, 400, 2, "missing required parameter \"fingerprint\"");
            return;
        }
        List<Query> queries = new ArrayList<>();
        for (int i = 0; i < suffixes.size(); i++) {
            Integer index = suffixes.get(i);
            String suffix = index == null ? "" : "." + index;
            Refusal refused = null;
            try {
                queries.add(query(index, ctx.formParam("fingerprint" + suffix), ctx.formParam("duration" + suffix)));
            } catch (Refusal r) {
                refused = r;
            }
            if (refused != null && queries.isEmpty() && i + 1 == suffixes.size()) {
                fingerprints.addAndGet(suffixes.size());
                error(ctx, 400, refused.code, refused.getMessage());
                return;
            }
        }
        fingerprints.addAndGet(suffixes.size());
        if (!batch) {
            queries = queries.subList(0, 1);
        }
        if (queries.size() > MAX_QUERIES) {
            error(ctx, 413, 19, "request too large");
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        if (batch) {
            List<Object> fps = new ArrayList<>();
            for (Query q : queries) {
                Map<String, Object> fp = new LinkedHashMap<>();
                fp.put("index", q.index());
                fp.put("results", answers.results(q.raw(), q.duration(), meta));
                fps.add(fp);
            }
            body.put("fingerprints", fps);
        } else {
            body.put(
                    "results",
                    answers.results(queries.get(0).raw(), queries.get(0).duration(), meta));
        }
        json(ctx, 200, body);
    }

    /** One readable query of a lookup; {@code index} is its suffix number (null for the unsuffixed form). */
    private record Query(Integer index, int[] raw, int duration) {}

    /** The suffixes of the fingerprint parameters, in order: null for "fingerprint", N for "fingerprint.N". */
    private static List<Integer> suffixes(Set<String> names) {
        java.util.TreeSet<Integer> numbered = new java.util.TreeSet<>();
        boolean plain = false;
        for (String name : names) {
            if (name.equals("fingerprint")) {
                plain = true;
            } else if (name.startsWith("fingerprint.") && name.substring(12).matches("[0-9]{1,9}")) {
                numbered.add(Integer.parseInt(name.substring(12)));
            }
        }
        List<Integer> out = new ArrayList<>();
        if (plain) {
            out.add(null);
        }
        out.addAll(numbered);
        return out;
    }

    /** The service's error for one query it cannot read (HTTP 400). */
    private static final class Refusal extends Exception {
        final int code;

        Refusal(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    private static Query query(Integer index, String fingerprint, String duration) throws Refusal {
        String suffix = index == null ? "" : "." + index;
        int seconds;
        try {
            seconds = duration == null ? 0 : Integer.parseInt(duration.trim());
        } catch (NumberFormatException e) {
            seconds = 0;
        }
        if (seconds <= 0) {
            throw new Refusal(2, "missing required parameter \"duration" + suffix + "\"");
        }
        if (fingerprint == null || fingerprint.isEmpty()) {
            throw new Refusal(2, "missing required parameter \"fingerprint" + suffix + "\"");
        }
        try {
            return new Query(index, ChromaprintCodec.decode(fingerprint), seconds);
        } catch (IllegalArgumentException e) {
            throw new Refusal(3, "invalid fingerprint");
        }
    }

    private static void error(Context ctx, int status, int code, String message) {
        json(ctx, status, Map.of("status", "error", "error", Map.of("code", code, "message", message)));
    }
}
