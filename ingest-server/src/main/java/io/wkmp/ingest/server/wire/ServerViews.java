package io.wkmp.ingest.server.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.wkmp.ingest.core.session.SessionState;
import java.util.List;

/** The small answers of the server's routes (docs/api.md), one record each. */
public final class ServerViews {
    private ServerViews() {}

    /** {@code GET /health}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Health(String status, String module, String version, long uptimeSeconds, boolean importRunning) {}

    /** {@code POST /import/start}: the session that started (202). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ImportStarted(
            String sessionId, SessionState state, String folder, boolean acoustid, String startedAt) {}

    /** {@code GET /folders}: the sub-folders of one folder under the root. */
    public record Folders(String path, String root, List<String> folders) {}

    /** {@code GET /acoustid/key}: whether a key is configured. */
    public record KeyState(boolean configured) {}

    /** {@code POST /acoustid/validate}: whether AcoustID accepts the key. */
    public record KeyValidity(boolean valid) {}

    /**
     * {@code POST /acoustid/key}: the key was accepted and saved; {@code session_id} only when it was given for a
     * paused session (absent otherwise, not null).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record KeySaved(
            boolean configured,
            boolean valid,
            @JsonInclude(JsonInclude.Include.NON_NULL) String sessionId) {}

    /** {@code POST /acoustid/skip}: the paused session goes on without AcoustID. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AcoustIdSkipped(String sessionId, boolean acoustidSkipped) {}
}
