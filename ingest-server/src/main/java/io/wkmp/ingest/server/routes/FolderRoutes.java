package io.wkmp.ingest.server.routes;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.wkmp.ingest.server.ApiException;
import io.wkmp.ingest.server.security.RootPaths;
import io.wkmp.ingest.server.wire.ServerViews;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The wizard's folder chooser: the sub-folders of a folder inside the root (symlinks and hidden folders left out). */
public final class FolderRoutes {
    private static final int MAX_ENTRIES = 2000;

    private final RootPaths paths;

    public FolderRoutes(RootPaths paths) {
        this.paths = paths;
    }

    public void register(JavalinDefaultRoutingApi r) {
        r.get("/folders", this::folders);
    }

    private void folders(Context ctx) {
        String given = ctx.queryParam("path");
        Path folder = paths.resolve(given == null || given.isBlank() ? "." : given, "path");
        if (!Files.isDirectory(folder)) {
            throw ApiException.badRequest("NOT_A_FOLDER", "path '" + given + "' is not a folder");
        }
        List<String> names;
        try (Stream<Path> s = Files.list(folder)) {
            names = s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("."))
                    .sorted(String.CASE_INSENSITIVE_ORDER)
                    .limit(MAX_ENTRIES)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.json(new ServerViews.Folders(paths.relative(folder), paths.root().toString(), names));
    }
}
