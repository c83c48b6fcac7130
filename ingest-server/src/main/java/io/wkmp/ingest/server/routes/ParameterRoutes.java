package io.wkmp.ingest.server.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.port.LibraryStore;
import io.wkmp.ingest.server.wire.ParametersView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Import parameters: their definitions with current values ({@code GET /parameters}), validation of a change
 * without saving ({@code POST /parameters/validate}) and saving ({@code POST /parameters}). Bad values are
 * refused by {@link ImportParameters} with messages naming the parameter and its range (400).
 */
public final class ParameterRoutes {
    private final LibraryStore store;
    private final Supplier<ImportParameters> current;
    private final ObjectMapper json;

    /** @param current the parameters an import would get now (stored settings plus the server's overrides) */
    public ParameterRoutes(LibraryStore store, Supplier<ImportParameters> current, ObjectMapper json) {
        this.store = store;
        this.current = current;
        this.json = json;
    }

    public void register(JavalinDefaultRoutingApi r) {
        r.get("/parameters", ctx -> ctx.json(ParametersView.of(current(), List.of())));
        r.get("/parameters/defaults", ctx -> ctx.json(ParametersView.of(ImportParameters.defaults(), List.of())));
        r.post("/parameters/validate", ctx -> ctx.json(ParametersView.of(changed(ctx), List.of())));
        r.post("/parameters", this::save);
    }

    private void save(Context ctx) {
        Map<String, String> changes = JsonBody.of(ctx, json).textMap("parameters");
        ImportParameters next = current().with(changes);
        Map<String, String> rows = new LinkedHashMap<>();
        changes.keySet().forEach(k -> rows.put(k, next.toSettings().get(k)));
        store.writeSettings(rows);
        ctx.json(ParametersView.of(next, new ArrayList<>(rows.keySet())));
    }

    private ImportParameters changed(Context ctx) {
        return current().with(JsonBody.of(ctx, json).textMap("parameters"));
    }

    /** The current parameters; a bad stored value falls back to its default (reported by the engine when it runs). */
    private ImportParameters current() {
        return current.get();
    }
}
