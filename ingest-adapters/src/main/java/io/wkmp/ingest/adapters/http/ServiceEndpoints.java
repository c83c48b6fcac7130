package io.wkmp.ingest.adapters.http;

import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.params.Parameter;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * The endpoints of the outside services, configured from the import parameters (base URLs, rates,
 * User-Agent). Create each once per process and share it: each holds its service's one rate limiter.
 */
public final class ServiceEndpoints {
    private ServiceEndpoints() {}

    /** AcoustID: {@code acoustid_base_url}, {@code acoustid_rate_limit_ms}, 3 retries from 500 ms. */
    public static ServiceEndpoint acoustId(ImportParameters p, OkHttpClient client) {
        return new ServiceEndpoint(
                "AcoustID",
                client,
                p.text(Parameter.ACOUSTID_BASE_URL),
                HttpSetup.userAgent(p),
                p.integer(Parameter.ACOUSTID_RATE_LIMIT_MS),
                3,
                Duration.ofMillis(500),
                ErrorCode.ACOUSTID_LOOKUP_FAILED);
    }

    /** MusicBrainz: {@code musicbrainz_base_url}, {@code musicbrainz_rate_limit_ms}, 503 retried 4 times from 1 s. */
    public static ServiceEndpoint musicBrainz(ImportParameters p, OkHttpClient client) {
        return new ServiceEndpoint(
                "MusicBrainz",
                client,
                p.text(Parameter.MUSICBRAINZ_BASE_URL),
                HttpSetup.userAgent(p),
                p.integer(Parameter.MUSICBRAINZ_RATE_LIMIT_MS),
                4,
                Duration.ofSeconds(1),
                ErrorCode.MBID_LOOKUP_FAILED);
    }

    /** AcousticBrainz: no retries (the service is frozen and often gone; the next flavour source takes over). */
    public static ServiceEndpoint acousticBrainz(ImportParameters p, OkHttpClient client) {
        return new ServiceEndpoint(
                "AcousticBrainz",
                client,
                p.text(Parameter.ACOUSTICBRAINZ_BASE_URL),
                HttpSetup.userAgent(p),
                p.integer(Parameter.ACOUSTICBRAINZ_RATE_LIMIT_MS),
                0,
                Duration.ofSeconds(1),
                ErrorCode.FLAVOR_UNAVAILABLE);
    }

    /** Cover Art Archive: MusicBrainz's rate discipline, one retry. */
    public static ServiceEndpoint coverArt(ImportParameters p, OkHttpClient client) {
        return new ServiceEndpoint(
                "Cover Art Archive",
                client,
                p.text(Parameter.COVERART_BASE_URL),
                HttpSetup.userAgent(p),
                p.integer(Parameter.MUSICBRAINZ_RATE_LIMIT_MS),
                1,
                Duration.ofSeconds(1),
                ErrorCode.NETWORK_ERROR);
    }
}
