package io.wkmp.ingest.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.wkmp.ingest.core.error.FileRejectedException;
import io.wkmp.ingest.core.params.Parameter;
import io.wkmp.ingest.core.params.ParameterException;
import io.wkmp.ingest.core.port.Ingestor;
import io.wkmp.ingest.core.review.Review;
import io.wkmp.ingest.server.routes.AcoustIdKeyRoutes;
import io.wkmp.ingest.server.routes.AnalyzeRoutes;
import io.wkmp.ingest.server.routes.FolderRoutes;
import io.wkmp.ingest.server.routes.ImportRoutes;
import io.wkmp.ingest.server.routes.MetadataRoutes;
import io.wkmp.ingest.server.routes.ParameterRoutes;
import io.wkmp.ingest.server.routes.ReviewRoutes;
import io.wkmp.ingest.server.routes.SegmentEditorRoutes;
import io.wkmp.ingest.server.security.RequestGuard;
import io.wkmp.ingest.server.security.RootPaths;
import io.wkmp.ingest.server.sse.EventStreams;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wkmp-ai web server: REST API, SSE events and the static web UI over one {@link ServerContext}.
 * {@link #start} listens (port 0 picks a free port); {@link #close} stops it. Several may run in one JVM.
 */
public final class IngestServer implements AutoCloseable {
    /** WKMP's port for wkmp-ai. */
    public static final int DEFAULT_PORT = 5723;

    private static final Logger LOG = LoggerFactory.getLogger(IngestServer.class);
    private static final Map<String, String> PAGES = Map.of(
            "/import-progress",
            "import-progress.html",
            "/segment-editor",
            "segment-editor.html",
            "/import-complete",
            "import-complete.html",
            "/review-passages",
            "review-passages.html");

    private static final String ERROR_WRITTEN = "wkmp.error-written";

    private final ObjectMapper json = new ObjectMapper();
    private final EventStreams streams;
    private final Javalin app;

    /**
     * @param extraHosts Host header names accepted besides the loopback ones (for a non-loopback bind address)
     * @param keepAliveMillis SSE keep-alive comment interval (15 s in production)
     */
    public IngestServer(ServerContext context, Set<String> extraHosts, long keepAliveMillis) {
        this.streams = new EventStreams(json, keepAliveMillis);
        RootPaths paths = new RootPaths(context.rootFolder());
        RequestGuard guard = new RequestGuard(extraHosts);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            config.router.javaLangErrorHandler(IngestServer::fatal);
            config.jsonMapper(new JavalinJackson(json, false));
            config.staticFiles.add("/public", Location.CLASSPATH);
            RoutesConfig r = config.routes;
            r.before(guard::check);
            errors(r);
            PAGES.forEach((path, file) -> r.get(path, ctx -> page(ctx, file)));
            new ImportRoutes(context.ingestor(), context.parameters(), paths, streams, json, context.version())
                    .register(r);
            new FolderRoutes(paths).register(r);
            new ParameterRoutes(context.store(), context.parameters(), json).register(r);
            new AnalyzeRoutes(context.decoder(), context.parameters(), paths, json).register(r);
            new MetadataRoutes(context.queries(), paths).register(r);
            new ReviewRoutes(new Review(context.store(), Clock.systemUTC()), json).register(r);
            new SegmentEditorRoutes(context.queries(), context.decoder(), paths, json).register(r);
            new AcoustIdKeyRoutes(context.ingestor(), context.acoustIdKeys(), json).register(r);
        });
    }

    /** Starts listening on {@code host:port}; returns this. */
    public IngestServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    /** The port listened on. */
    public int port() {
        return app.port();
    }

    /** Open SSE connections. */
    public int eventConnections() {
        return streams.connections();
    }

    @Override
    public void close() {
        streams.close();
        app.stop();
    }

    private void errors(RoutesConfig r) {
        r.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.code(), e.getMessage(), e.extra()));
        r.exception(
                HttpResponseException.class,
                (e, ctx) -> error(ctx, e.getStatus(), ErrorBody.codeOf(e.getStatus()), e.getMessage(), Map.of()));
        r.exception(
                Ingestor.ImportConflictException.class,
                (e, ctx) -> error(
                        ctx, 409, "IMPORT_RUNNING", e.getMessage(), Map.of("active_session_id", e.activeSessionId())));
        r.exception(
                ParameterException.class,
                (e, ctx) -> error(
                        ctx,
                        400,
                        "INVALID_PARAMETER",
                        e.getMessage(),
                        e.parameter() == null
                                ? Map.of()
                                : Map.of(
                                        "parameter",
                                        e.parameter().key(),
                                        "parameters",
                                        e.parameters().stream()
                                                .map(Parameter::key)
                                                .toList())));
        r.exception(
                FileRejectedException.class,
                (e, ctx) -> error(ctx, 422, e.code().name(), e.getMessage(), Map.of()));
        r.exception(
                IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, "BAD_REQUEST", e.getMessage(), Map.of()));
        r.exception(NoSuchElementException.class, (e, ctx) -> error(ctx, 404, "NOT_FOUND", e.getMessage(), Map.of()));
        r.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, "INTERNAL_ERROR", ErrorBody.INTERNAL_MESSAGE, Map.of());
        });
        r.error(404, ctx -> {
            if (ctx.attribute(ERROR_WRITTEN) == null) {
                error(ctx, 404, "NOT_FOUND", "no such page or endpoint: " + ctx.method() + " " + ctx.path(), Map.of());
            }
        });
    }

    private static void error(Context ctx, int status, String code, String message, Map<String, Object> extra) {
        ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
        ctx.status(status).contentType(ErrorBody.CONTENT_TYPE).result(ErrorBody.bytes(code, message, extra));
    }

    /** A Java {@link Error} thrown while answering (e.g. a class missing from the jar): logged, answered 500 in JSON. */
    private static void fatal(HttpServletResponse res, Error e) {
        LOG.error("a request failed with a Java error", e);
        res.setStatus(500);
        if (res.isCommitted()) {
            return;
        }
        try {
            res.resetBuffer();
            res.setContentType(ErrorBody.CONTENT_TYPE);
            res.getOutputStream().write(ErrorBody.bytes("INTERNAL_ERROR", ErrorBody.INTERNAL_MESSAGE, Map.of()));
        } catch (IOException | IllegalStateException writeFailed) {
            LOG.debug("could not write the error body", writeFailed);
        }
    }

    private static void page(Context ctx, String file) {
        InputStream in = IngestServer.class.getResourceAsStream("/public/" + file);
        if (in == null) {
            throw ApiException.notFound("NOT_FOUND", "page " + file + " is missing from this build");
        }
        ctx.contentType("text/html; charset=utf-8").result(in);
    }
}
