package io.wkmp.ingest.testkit.fakes;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MusicBrainz ws/2 JSON from a {@link FakeCatalog}: release and recording search (Lucene
 * {@code field:"value"} terms, {@code limit}/{@code offset} paging), release lookup with media, tracks,
 * recordings, artist credits, release group and work relations, recording lookup, work lookup; 404 for
 * unknown ids, 503 when a client exceeds 1 request a second, 403 without a User-Agent that names a contact.
 * Base URL for clients: {@link #apiUrl()}.
 */
public final class FakeMusicBrainzServer extends FakeService {
    /** The real service's limit: 1 request a second. */
    public static final long MIN_INTERVAL_MS = 1000;

    private static final Pattern TERM = Pattern.compile("(\\w+):(?:\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S+))");

    private final FakeCatalog catalog;

    public FakeMusicBrainzServer(FakeCatalog catalog) {
        this(catalog, MIN_INTERVAL_MS);
    }

    public FakeMusicBrainzServer(FakeCatalog catalog, long minIntervalMs) {
        super(minIntervalMs);
        this.catalog = catalog;
    }

    /** What a client uses as {@code musicbrainz_base_url}. */
    public String apiUrl() {
        return baseUrl() + "/ws/2";
    }

    @Override
    protected void routes(JavalinConfig config) {
        config.routes.get("/ws/2/release", endpoint("release-search", ctx -> agent(ctx, this::searchReleases)));
        config.routes.get("/ws/2/recording", endpoint("recording-search", ctx -> agent(ctx, this::searchRecordings)));
        config.routes.get("/ws/2/release/{id}", endpoint("release", ctx -> agent(ctx, this::release)));
        config.routes.get("/ws/2/recording/{id}", endpoint("recording", ctx -> agent(ctx, this::recording)));
        config.routes.get("/ws/2/work/{id}", endpoint("work", ctx -> agent(ctx, this::work)));
    }

    @Override
    protected void rateLimited(Context ctx) {
        json(
                ctx,
                503,
                Map.of(
                        "error",
                        "Your requests are exceeding the allowable rate limit. Please see "
                                + "https://musicbrainz.org/doc/MusicBrainz_API/Rate_Limiting for more information.",
                        "help",
                        "For usage, please see: https://musicbrainz.org/development/mmd"));
    }

    private interface Route {
        void handle(Context ctx);
    }

    private static void agent(Context ctx, Route r) {
        String ua = ctx.header("User-Agent");
        if (ua == null || !ua.matches(".+/.+\\(.+\\).*")) {
            json(
                    ctx,
                    403,
                    Map.of("error", "a User-Agent naming the application, its version and a contact is required"));
            return;
        }
        r.handle(ctx);
    }

    private void searchReleases(Context ctx) {
        Map<String, String> q = terms(ctx.queryParam("query"));
        List<Map<String, Object>> hits = new ArrayList<>();
        for (FakeCatalog.Release r : catalog.releases()) {
            double s = score(q.get("release"), r.title()) * 0.5
                    + score(q.get("artist"), r.artist().name()) * 0.3
                    + (q.containsKey("tracks")
                            ? (q.get("tracks").equals(String.valueOf(r.trackCount())) ? 0.2 : 0)
                            : 0.2);
            if (s >= 0.5) {
                Map<String, Object> m = MusicBrainzBodies.releaseSummary(r);
                m.put("score", (int) Math.round(s * 100));
                hits.add(m);
            }
        }
        page(ctx, "releases", hits);
    }

    private void searchRecordings(Context ctx) {
        Map<String, String> q = terms(ctx.queryParam("query"));
        List<Map<String, Object>> hits = new ArrayList<>();
        for (FakeCatalog.Recording r : catalog.recordings()) {
            double s = score(q.get("recording"), r.title()) * 0.6
                    + score(q.get("artist"), r.artists().get(0).name()) * 0.4;
            if (s >= 0.5) {
                Map<String, Object> m = MusicBrainzBodies.recording(r, catalog, false);
                m.put("score", (int) Math.round(s * 100));
                hits.add(m);
            }
        }
        page(ctx, "recordings", hits);
    }

    private void release(Context ctx) {
        catalog.release(ctx.pathParam("id"))
                .ifPresentOrElse(r -> json(ctx, 200, MusicBrainzBodies.release(r, include(ctx))), () -> notFound(ctx));
    }

    private void recording(Context ctx) {
        catalog.recording(ctx.pathParam("id"))
                .ifPresentOrElse(
                        r -> json(
                                ctx,
                                200,
                                MusicBrainzBodies.recording(
                                        r, catalog, include(ctx).contains("releases"))),
                        () -> notFound(ctx));
    }

    private void work(Context ctx) {
        catalog.work(ctx.pathParam("id"))
                .ifPresentOrElse(
                        w -> json(ctx, 200, Map.of("id", w.id(), "title", w.title(), "type", "Song")),
                        () -> notFound(ctx));
    }

    private static String include(Context ctx) {
        String inc = ctx.queryParam("inc");
        return inc == null ? "" : inc;
    }

    private static void notFound(Context ctx) {
        json(
                ctx,
                404,
                Map.of("error", "Not Found", "help", "For usage, please see: https://musicbrainz.org/development/mmd"));
    }

    private static void page(Context ctx, String key, List<Map<String, Object>> hits) {
        hits.sort(Comparator.comparingInt((Map<String, Object> m) -> (Integer) m.get("score"))
                .reversed());
        int limit = intParam(ctx, "limit", 25);
        int offset = intParam(ctx, "offset", 0);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("created", "2026-11-25T07:00:00.000Z");
        body.put("count", hits.size());
        body.put("offset", offset);
        body.put(key, hits.subList(Math.min(offset, hits.size()), Math.min(offset + limit, hits.size())));
        json(ctx, 200, body);
    }

    private static int intParam(Context ctx, String name, int dflt) {
        String v = ctx.queryParam(name);
        return v == null ? dflt : Integer.parseInt(v);
    }

    /** The {@code field:"value"} terms of a Lucene query, lower-cased, unescaped. */
    static Map<String, String> terms(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        if (query == null) {
            return out;
        }
        Matcher m = TERM.matcher(query);
        while (m.find()) {
            String v = m.group(2) != null ? m.group(2).replaceAll("\\\\(.)", "$1") : m.group(3);
            out.put(
                    m.group(1).toLowerCase(Locale.ROOT),
                    v.toLowerCase(Locale.ROOT).trim());
        }
        return out;
    }

    /** 1 for equal text, 0.7 when one contains the other, 0 otherwise; 0.5 when the query lacks the field. */
    private static double score(String query, String actual) {
        if (query == null) {
            return 0.5;
        }
        String a = actual.toLowerCase(Locale.ROOT);
        return a.equals(query) ? 1 : a.contains(query) || query.contains(a) ? 0.7 : 0;
    }
}
