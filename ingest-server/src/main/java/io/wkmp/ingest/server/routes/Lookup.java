package io.wkmp.ingest.server.routes;

import io.javalin.http.Context;
import io.wkmp.ingest.core.library.StoredFile;
import io.wkmp.ingest.core.port.LibraryQueries;
import io.wkmp.ingest.server.ApiException;
import io.wkmp.ingest.server.security.RootPaths;

/** Request lookups shared by the file routes: the {@code path} query parameter and bounded numbers. Stateless. */
final class Lookup {
    private Lookup() {}

    /** The imported file named by {@code ?path=}: inside the root, on disk, and known to the database. */
    static StoredFile storedFile(Context ctx, RootPaths paths, LibraryQueries queries) {
        String relative = paths.relative(paths.resolveFile(ctx.queryParam("path"), "path"));
        return queries.file(relative)
                .orElseThrow(() -> ApiException.notFound("NOT_IMPORTED", "'" + relative + "' has not been imported"));
    }

    /** An integer query parameter within [min, max], or the fallback when absent. */
    static int intParam(Context ctx, String name, int fallback, int min, int max) {
        Long v = longParam(ctx, name);
        if (v == null) {
            return fallback;
        }
        if (v < min || v > max) {
            throw ApiException.badRequest(
                    "INVALID_PARAMETER", name + " must be within [" + min + ", " + max + "], got " + v);
        }
        return v.intValue();
    }

    /** A whole-number query parameter, or null when absent. */
    static Long longParam(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("INVALID_PARAMETER", name + " must be a whole number, got '" + text + "'");
        }
    }
}
