package io.wkmp.ingest.adapters.services;

import io.wkmp.ingest.adapters.acousticbrainz.AcousticBrainzClient;
import io.wkmp.ingest.adapters.acoustid.AcoustIdClient;
import io.wkmp.ingest.adapters.coverart.CoverArtClient;
import io.wkmp.ingest.adapters.flavor.ChainedFlavorSource;
import io.wkmp.ingest.adapters.flavor.EssentiaFlavorSource;
import io.wkmp.ingest.adapters.flavor.LocalFlavorAnalyzer;
import io.wkmp.ingest.adapters.http.HttpSetup;
import io.wkmp.ingest.adapters.http.ServiceEndpoint;
import io.wkmp.ingest.adapters.http.ServiceEndpoints;
import io.wkmp.ingest.adapters.http.ServiceSettings;
import io.wkmp.ingest.adapters.musicbrainz.MusicBrainzClient;
import io.wkmp.ingest.core.engine.LiveWorkers;
import io.wkmp.ingest.core.identify.Identifier;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.port.AcoustIdService;
import io.wkmp.ingest.core.port.FingerprintQuery;
import io.wkmp.ingest.core.port.FlavorSource;
import io.wkmp.ingest.core.port.IdentifierSource;
import io.wkmp.ingest.core.port.IdentifierSource.GroupIdentifier;
import io.wkmp.ingest.core.port.ResponseCache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * The outside services of one engine, wired from its {@link ServiceSettings}: one shared OkHttpClient, one
 * endpoint (so one rate limiter and one circuit breaker) per service, one AcoustID client (so one lookup queue) per
 * key, every client reading and writing {@code cache}. Built once per engine (again only when the service settings
 * change) and shared by every session, file and worker; each session gets its {@link #identifiers} from it.
 * Thread-safe.
 */
public final class OutsideServices {
    private final ServiceSettings settings;
    private final ResponseCache cache;
    private final LiveWorkers workers;
    private final Map<String, AcoustIdClient> acoustIdClients = new ConcurrentHashMap<>();
    private final ServiceEndpoint acoustIdEndpoint;
    private final MusicBrainzClient musicBrainz;
    private final AcousticBrainzClient acousticBrainz;
    private final CoverArtClient coverArt;
    private final List<ServiceEndpoint> endpoints;

    /** Services for {@code params}' service settings whose AcoustID lookups are sent at once (no engine's workers). */
    public OutsideServices(ImportParameters params, ResponseCache cache) {
        this(ServiceSettings.of(params), cache, new LiveWorkers());
    }

    /** @param workers the engine's workers: the AcoustID queue sends what it holds once none of them could add more */
    public OutsideServices(ServiceSettings settings, ResponseCache cache, LiveWorkers workers) {
        OkHttpClient http = HttpSetup.sharedClient(settings);
        this.settings = settings;
        this.cache = cache;
        this.workers = workers;
        this.acoustIdEndpoint = ServiceEndpoints.acoustId(settings, http);
        ServiceEndpoint musicBrainzEndpoint = ServiceEndpoints.musicBrainz(settings, http);
        ServiceEndpoint acousticBrainzEndpoint = ServiceEndpoints.acousticBrainz(settings, http);
        ServiceEndpoint coverArtEndpoint = ServiceEndpoints.coverArt(settings, http);
        this.musicBrainz = new MusicBrainzClient(musicBrainzEndpoint, cache);
        this.acousticBrainz = new AcousticBrainzClient(acousticBrainzEndpoint, cache);
        this.coverArt = new CoverArtClient(coverArtEndpoint, cache);
        this.endpoints = List.of(acoustIdEndpoint, musicBrainzEndpoint, acousticBrainzEndpoint, coverArtEndpoint);
    }

    /** A new import starts: every service is asked again, even one found dead during an earlier import. */
    public void newRun() {
        endpoints.forEach(ServiceEndpoint::newRun);
    }

    /** What these services were built from. */
    public ServiceSettings settings() {
        return settings;
    }

    /**
     * The AcoustID client of {@code key}, the same each time (all share the one AcoustID rate limiter; each key has
     * its lookup queue); empty without a key.
     */
    public Optional<AcoustIdService> acoustId(Optional<String> key) {
        return key.map(String::trim)
                .filter(k -> !k.isEmpty())
                .map(k -> acoustIdClients.computeIfAbsent(
                        k,
                        x -> new AcoustIdClient(
                                acoustIdEndpoint,
                                cache,
                                x,
                                workers,
                                Duration.ofMillis(settings.acoustIdBatchWaitMs()))));
    }

    /** Checks a key the user entered with a test call (spec AIA-SEC-030). */
    public AcoustIdClient.KeyStatus validateAcoustIdKey(String key) {
        return AcoustIdClient.validate(acoustIdEndpoint, key);
    }

    public MusicBrainzClient musicBrainz() {
        return musicBrainz;
    }

    public AcousticBrainzClient acousticBrainz() {
        return acousticBrainz;
    }

    public CoverArtClient coverArt() {
        return coverArt;
    }

    /**
     * The identifiers of one session (its decision parameters): one {@link Identifier} for the key in force, built
     * once and built again only when the key changes (the user entered another, or skipped AcoustID).
     *
     * @param currentKey the AcoustID key in force now
     */
    public IdentifierSource identifiers(ImportParameters params, Supplier<Optional<String>> currentKey) {
        return new SessionIdentifiers(params, currentKey);
    }

    /** {@link #identifiers}: the session's identifier for the key in force, and look-ahead lookups with that key. */
    private final class SessionIdentifiers implements IdentifierSource {
        private final ImportParameters params;
        private final Supplier<Optional<String>> currentKey;
        private final AtomicReference<Map.Entry<Optional<String>, Identifier>> built = new AtomicReference<>();

        SessionIdentifiers(ImportParameters params, Supplier<Optional<String>> currentKey) {
            this.params = params;
            this.currentKey = currentKey;
        }

        @Override
        public Optional<GroupIdentifier> identifier(boolean withAcoustId) {
            Optional<String> key = withAcoustId ? currentKey.get() : Optional.empty();
            Map.Entry<Optional<String>, Identifier> b = built.get();
            if (b == null || !b.getKey().equals(key)) {
                b = Map.entry(key, new Identifier(acoustId(key), musicBrainz, params.decisions()));
                built.set(b);
            }
            return Optional.of(b.getValue()::identify);
        }

        @Override
        public void lookAhead(List<FingerprintQuery> queries) {
            if (queries.isEmpty()) {
                return;
            }
            acoustId(currentKey.get()).ifPresent(client -> {
                try {
                    client.lookup(queries);
                } catch (RuntimeException e) {
                    // a refused key or a service down: each identification meets it and reports it
                }
            });
        }
    }

    /** AcousticBrainz, then Essentia when its extractor is on {@code pathVariable}, then local analysis. */
    public FlavorSource flavorSources(String pathVariable) {
        List<FlavorSource> chain = new ArrayList<>();
        chain.add(acousticBrainz);
        EssentiaFlavorSource.onPath(pathVariable).ifPresent(chain::add);
        chain.add(new LocalFlavorAnalyzer());
        return new ChainedFlavorSource(chain);
    }
}
