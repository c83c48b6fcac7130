package io.wkmp.ingest.adapters.wiring;

import io.wkmp.ingest.adapters.http.ServiceSettings;
import io.wkmp.ingest.adapters.services.OutsideServices;
import io.wkmp.ingest.adapters.tags.CoverArtExtractor.ReleaseArtwork.Artwork;
import io.wkmp.ingest.core.engine.LiveWorkers;
import io.wkmp.ingest.core.library.ImageType;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.port.ResponseCache;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The engine's outside services, the one place they are built: once, and again only when a session's service
 * settings (addresses, rates, timeout) differ from theirs, so every session, file and worker shares one HTTP client,
 * one rate limiter and circuit breaker per service and one AcoustID lookup queue. Thread-safe.
 */
final class EngineServices {
    private final ResponseCache cache;
    private final LiveWorkers workers;
    private final Supplier<ImportParameters> current;

    /** Guarded by this. */
    private OutsideServices services;

    /** @param current the current parameters, for a key check before any session ran */
    EngineServices(ResponseCache cache, LiveWorkers workers, Supplier<ImportParameters> current) {
        this.cache = cache;
        this.workers = workers;
        this.current = current;
    }

    /** The services for {@code params}' service settings. */
    synchronized OutsideServices of(ImportParameters params) {
        ServiceSettings wanted = ServiceSettings.of(params);
        if (services == null || !services.settings().equals(wanted)) {
            services = new OutsideServices(wanted, cache, workers);
        }
        return services;
    }

    /**
     * The services a key check goes through: the engine's, so the test call shares the AcoustID rate limiter with
     * the lookups (the check typically runs while a session is paused with lookups in flight).
     */
    synchronized OutsideServices forValidation() {
        return services != null ? services : of(current.get());
    }

    /** The Cover Art Archive's front and back covers of a release (empty when it has none or cannot be reached). */
    static List<Artwork> archiveCovers(OutsideServices services, String releaseMbid) {
        List<Artwork> out = new ArrayList<>();
        services.coverArt().covers(releaseMbid).ifPresent(c -> {
            c.front().ifPresent(i -> out.add(new Artwork(ImageType.ALBUM_FRONT, i.bytes())));
            c.back().ifPresent(i -> out.add(new Artwork(ImageType.ALBUM_BACK, i.bytes())));
        });
        return out;
    }
}
