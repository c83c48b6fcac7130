package io.wkmp.ingest.server.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.wkmp.ingest.core.port.LibraryQueries;
import io.wkmp.ingest.core.time.Ticks;
import io.wkmp.ingest.server.ApiException;
import io.wkmp.ingest.server.security.RootPaths;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the import stored: the file list and one file with its passages, tags and identification evidence. */
public final class MetadataRoutes {
    private static final int MAX_LIMIT = 5000;

    private final LibraryQueries queries;
    private final RootPaths paths;
    private final LibraryViews views;

    public MetadataRoutes(LibraryQueries queries, RootPaths paths, ObjectMapper json) {
        this.queries = queries;
        this.paths = paths;
        this.views = new LibraryViews(json);
    }

    public void register(JavalinDefaultRoutingApi r) {
        r.get("/metadata/files", this::files);
        r.get("/metadata/file", ctx -> ctx.json(views.file(Lookup.storedFile(ctx, paths, queries), true)));
    }

    private void files(Context ctx) {
        String prefix = ctx.queryParam("prefix");
        if (prefix == null) {
            prefix = "";
        }
        if (prefix.contains("..") || prefix.startsWith("/")) {
            throw ApiException.badRequest(
                    "PATH_OUTSIDE_ROOT", "prefix must be a path relative to the root folder without '..'");
        }
        int limit = Lookup.intParam(ctx, "limit", 500, 1, MAX_LIMIT);
        ctx.json(Map.of(
                "files",
                queries.files(prefix, limit).stream()
                        .map(f -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("path", f.relativePath());
                            m.put("status", f.status());
                            m.put("duration_ticks", f.durationTicks() < 0 ? null : f.durationTicks());
                            m.put(
                                    "duration_seconds",
                                    f.durationTicks() < 0 ? null : Ticks.toSeconds(f.durationTicks()));
                            m.put("passage_count", f.passageCount());
                            return m;
                        })
                        .toList()));
    }
}
