package io.wkmp.ingest.server.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.port.ImportSession;
import io.wkmp.ingest.core.port.Ingestor;
import io.wkmp.ingest.server.ApiException;
import io.wkmp.ingest.server.security.RootPaths;
import io.wkmp.ingest.server.sse.EventStreams;
import io.wkmp.ingest.server.wire.ServerViews;
import io.wkmp.ingest.server.wire.SessionView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Import sessions: health, start, status polling, active session, cancel, and the SSE event stream. */
public final class ImportRoutes {

    private final Ingestor ingestor;
    private final Supplier<ImportParameters> parameters;
    private final RootPaths paths;
    private final EventStreams streams;
    private final ObjectMapper json;
    private final String version;
    private final Instant started = Instant.now();

    public ImportRoutes(
            Ingestor ingestor,
            Supplier<ImportParameters> parameters,
            RootPaths paths,
            EventStreams streams,
            ObjectMapper json,
            String version) {
        this.ingestor = ingestor;
        this.parameters = parameters;
        this.paths = paths;
        this.streams = streams;
        this.json = json;
        this.version = version;
    }

    public void register(JavalinDefaultRoutingApi r) {
        r.get("/health", this::health);
        r.post("/import/start", this::start);
        r.get(
                "/import/status/{id}",
                ctx -> ctx.json(SessionView.of(session(ctx.pathParam("id")).status())));
        r.get("/import/active", this::active);
        r.post("/import/cancel/{id}", this::cancel);
        r.before("/events", this::checkEventsRequest);
        r.sse("/events", client -> {
            Context ctx = client.ctx();
            streams.attach(client, session(ctx.queryParam("session_id")), lastSeen(ctx));
        });
    }

    private void health(Context ctx) {
        ctx.json(new ServerViews.Health(
                "ok",
                "wkmp-ai",
                version,
                Duration.between(started, Instant.now()).toSeconds(),
                ingestor.active().isPresent()));
    }

    private void start(Context ctx) {
        JsonBody body = JsonBody.of(ctx, json);
        String folderText = body.has("folder") ? body.text("folder") : body.text("root_folder");
        if (folderText == null || folderText.isBlank()) {
            throw ApiException.badRequest(
                    "MISSING_FOLDER",
                    "folder is required (a folder inside the root folder; \".\" is the root folder itself)");
        }
        Path folder;
        try {
            folder = paths.resolve(folderText, "folder");
        } catch (ApiException e) {
            throw e.status() == 404 ? ApiException.badRequest("FOLDER_NOT_FOUND", e.getMessage()) : e;
        }
        if (!Files.isDirectory(folder)) {
            throw ApiException.badRequest("NOT_A_FOLDER", "folder '" + folderText + "' is not a folder");
        }
        ImportParameters params = parameters.get().with(body.textMap("parameters"));
        boolean acoustId = body.bool("acoustid", true);
        ImportSession session = ingestor.start(folder, params, acoustId);
        ctx.status(202)
                .json(new ServerViews.ImportStarted(
                        session.id(),
                        session.status().state(),
                        paths.relative(folder),
                        acoustId,
                        session.status().startedAt().toString()));
    }

    private void active(Context ctx) {
        ingestor.active().ifPresentOrElse(s -> ctx.json(SessionView.of(s.status())), () -> ctx.status(204));
    }

    private void cancel(Context ctx) {
        ImportSession s = session(ctx.pathParam("id"));
        if (s.status().state().isTerminal()) {
            throw ApiException.conflict(
                    "ALREADY_FINISHED",
                    "session " + s.id() + " has already finished (" + s.status().state() + ")");
        }
        s.cancel();
        ctx.json(SessionView.of(s.status()));
    }

    private void checkEventsRequest(Context ctx) {
        String id = ctx.queryParam("session_id");
        if (id == null || id.isBlank()) {
            throw ApiException.badRequest("MISSING_SESSION_ID", "session_id is required");
        }
        session(id);
        lastSeen(ctx);
    }

    /** The sequence number the client last saw: Last-Event-ID (EventSource reconnects) or ?after=, else 0. */
    private static long lastSeen(Context ctx) {
        String text = ctx.header("Last-Event-ID");
        if (text == null || text.isBlank()) {
            text = ctx.queryParam("after");
        }
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            long v = Long.parseLong(text.trim());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(
                    "INVALID_EVENT_ID", "the last event id must be a whole number >= 0, got '" + text + "'");
        }
    }

    private ImportSession session(String id) {
        return ingestor.session(id)
                .orElseThrow(() -> ApiException.notFound("UNKNOWN_SESSION", "no import session " + id));
    }
}
