package io.wkmp.ingest.server.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.wkmp.ingest.core.error.LookupUnavailableException;
import io.wkmp.ingest.core.port.AcoustIdKeys;
import io.wkmp.ingest.core.port.ImportSession;
import io.wkmp.ingest.core.port.Ingestor;
import io.wkmp.ingest.core.session.SessionState;
import io.wkmp.ingest.server.ApiException;
import io.wkmp.ingest.server.wire.ServerViews;
import java.util.function.BooleanSupplier;

/**
 * The AcoustID API key (spec AIA-SEC-020/030): whether one is set (never the key itself), validating and
 * saving a key, and answering a PAUSED session's key prompt with a new key or by skipping AcoustID for the
 * rest of that session. The key is never logged or returned.
 */
public final class AcoustIdKeyRoutes {
    private final Ingestor ingestor;
    private final AcoustIdKeys keys;
    private final ObjectMapper json;

    public AcoustIdKeyRoutes(Ingestor ingestor, AcoustIdKeys keys, ObjectMapper json) {
        this.ingestor = ingestor;
        this.keys = keys;
        this.json = json;
    }

    public void register(JavalinDefaultRoutingApi r) {
        r.get("/acoustid/key", ctx -> ctx.json(state()));
        r.post("/acoustid/validate", ctx -> {
            String key = apiKey(JsonBody.of(ctx, json));
            ctx.json(new ServerViews.KeyValidity(checked(() -> keys.validate(key))));
        });
        r.post("/acoustid/key", this::setKey);
        r.post("/acoustid/skip", this::skip);
    }

    private ServerViews.KeyState state() {
        return new ServerViews.KeyState(keys.configured());
    }

    private void setKey(Context ctx) {
        JsonBody body = JsonBody.of(ctx, json);
        String key = apiKey(body);
        String sessionId = body.text("session_id");
        boolean valid;
        if (sessionId != null) {
            ImportSession s = paused(sessionId);
            valid = checked(() -> s.provideAcoustIdKey(key));
        } else {
            valid = checked(() -> keys.validate(key));
        }
        if (!valid) {
            throw ApiException.badRequest("INVALID_API_KEY", "AcoustID refused this API key; the key was not saved");
        }
        if (sessionId == null) {
            keys.use(key); // saves it; with a session, the session's provideAcoustIdKey did
        }
        ctx.json(new ServerViews.KeySaved(keys.configured(), true, sessionId));
    }

    private void skip(Context ctx) {
        String sessionId = JsonBody.of(ctx, json).text("session_id");
        if (sessionId == null) {
            throw ApiException.badRequest("MISSING_SESSION_ID", "session_id is required");
        }
        paused(sessionId).skipAcoustId();
        ctx.json(new ServerViews.AcoustIdSkipped(sessionId, true));
    }

    private ImportSession paused(String sessionId) {
        ImportSession s = ingestor.session(sessionId)
                .orElseThrow(() -> ApiException.notFound("UNKNOWN_SESSION", "no import session " + sessionId));
        if (s.status().state() != SessionState.PAUSED) {
            throw ApiException.conflict(
                    "NOT_PAUSED",
                    "session " + sessionId + " is " + s.status().state()
                            + ", not waiting for an AcoustID key decision");
        }
        return s;
    }

    /** The outcome of a key check; 502 ACOUSTID_UNREACHABLE when AcoustID could not tell (nothing is saved then). */
    private static boolean checked(BooleanSupplier check) {
        try {
            return check.getAsBoolean();
        } catch (LookupUnavailableException e) {
            throw new ApiException(
                    502,
                    "ACOUSTID_UNREACHABLE",
                    "AcoustID could not be reached to check the key; nothing was saved, try again later");
        }
    }

    private static String apiKey(JsonBody body) {
        String key = body.text("api_key");
        if (key == null || key.isBlank()) {
            throw ApiException.badRequest("MISSING_API_KEY", "api_key is required");
        }
        if (key.length() > 200 || !key.strip().equals(key)) {
            throw ApiException.badRequest("INVALID_API_KEY", "api_key must be a single word of at most 200 characters");
        }
        return key;
    }
}
