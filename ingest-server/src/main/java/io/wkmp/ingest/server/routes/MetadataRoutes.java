package io.wkmp.ingest.server.routes;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.wkmp.ingest.core.port.LibraryQueries;
import io.wkmp.ingest.server.ApiException;
import io.wkmp.ingest.server.security.RootPaths;
import io.wkmp.ingest.server.wire.FileView;

/** What the import stored: the file list and one file with its passages, tags and identification evidence. */
public final class MetadataRoutes {
    private static final int MAX_LIMIT = 5000;

    private final LibraryQueries queries;
    private final RootPaths paths;

    public MetadataRoutes(LibraryQueries queries, RootPaths paths) {
        this.queries = queries;
        this.paths = paths;
    }

    public void register(JavalinDefaultRoutingApi r) {
        r.get("/metadata/files", this::files);
        r.get("/metadata/file", ctx -> ctx.json(FileView.of(Lookup.storedFile(ctx, paths, queries), true)));
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
        ctx.json(new FileView.Listing(
                queries.files(prefix, limit).stream().map(FileView.Summary::of).toList()));
    }
}
