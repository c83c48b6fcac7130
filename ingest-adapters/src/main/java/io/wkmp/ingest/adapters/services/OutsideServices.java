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
import io.wkmp.ingest.adapters.musicbrainz.MusicBrainzClient;
import io.wkmp.ingest.core.identify.Identifier;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.port.AcoustIdService;
import io.wkmp.ingest.core.port.FlavorSource;
import io.wkmp.ingest.core.port.ResponseCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * The outside services of one process, wired from the import parameters: one shared OkHttpClient, one
 * endpoint (so one rate limiter) per service, every client reading and writing {@code cache}. Create one
 * per process (or per session when the parameters change) and hand its clients to every worker. Thread-safe.
 */
public final class OutsideServices {
    private final ImportParameters params;
    private final ResponseCache cache;
    private final ServiceEndpoint acoustIdEndpoint;
    private final MusicBrainzClient musicBrainz;
    private final AcousticBrainzClient acousticBrainz;
    private final CoverArtClient coverArt;
    private final List<ServiceEndpoint> endpoints;

    public OutsideServices(ImportParameters params, ResponseCache cache) {
        OkHttpClient http = HttpSetup.sharedClient(params);
        this.params = params;
        this.cache = cache;
        this.acoustIdEndpoint = ServiceEndpoints.acoustId(params, http);
        ServiceEndpoint musicBrainzEndpoint = ServiceEndpoints.musicBrainz(params, http);
        ServiceEndpoint acousticBrainzEndpoint = ServiceEndpoints.acousticBrainz(params, http);
        ServiceEndpoint coverArtEndpoint = ServiceEndpoints.coverArt(params, http);
        this.musicBrainz = new MusicBrainzClient(musicBrainzEndpoint, cache);
        this.acousticBrainz = new AcousticBrainzClient(acousticBrainzEndpoint, cache);
        this.coverArt = new CoverArtClient(coverArtEndpoint, cache);
        this.endpoints = List.of(acoustIdEndpoint, musicBrainzEndpoint, acousticBrainzEndpoint, coverArtEndpoint);
    }

    /** A new import starts: every service is asked again, even one found dead during an earlier import. */
    public void newRun() {
        endpoints.forEach(ServiceEndpoint::newRun);
    }

    /** An AcoustID client for {@code key} (all share the one AcoustID rate limiter); empty without a key. */
    public Optional<AcoustIdService> acoustId(Optional<String> key) {
        return key.filter(k -> !k.isBlank()).map(k -> new AcoustIdClient(acoustIdEndpoint, cache, k));
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

    /** The identifier for a session; {@code acoustIdKey} empty when AcoustID is skipped. */
    public Identifier identifier(Optional<String> acoustIdKey) {
        return new Identifier(acoustId(acoustIdKey), musicBrainz, params);
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
