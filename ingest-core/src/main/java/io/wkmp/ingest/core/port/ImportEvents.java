package io.wkmp.ingest.core.port;

import io.wkmp.ingest.core.session.ImportEvent;

/** Receives a session's events in order. Implementations must be fast and must not throw (OkHttp's EventListener contract). */
@FunctionalInterface
public interface ImportEvents {
    void publish(ImportEvent event);

    /** Discards every event. */
    ImportEvents NONE = event -> {};
}
