package io.wkmp.ingest.adapters.http;

import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.params.ImportParameters;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * The endpoints of the outside services, configured from the {@link ServiceSettings} (base URLs, rates,
 * User-Agent). Create each once per engine and share it: each holds its service's one rate limiter.
 */
public final class ServiceEndpoints {
    private ServiceEndpoints() {}

    /** AcoustID: {@code acoustid_base_url}, {@code acoustid_rate_limit_ms}, 3 retries from 500 ms. */
    public static ServiceEndpoint acoustId(ServiceSettings s, OkHttpClient client) {
        return new ServiceEndpoint(
                "AcoustID",
                client,
                s.acoustIdUrl(),
                HttpSetup.userAgent(s),
                s.acoustIdIntervalMs(),
                3,
                Duration.ofMillis(500),
                ErrorCode.ACOUSTID_LOOKUP_FAILED);
    }

    /** MusicBrainz: {@code musicbrainz_base_url}, {@code musicbrainz_rate_limit_ms}, 503 retried 4 times from 1 s. */
    public static ServiceEndpoint musicBrainz(ServiceSettings s, OkHttpClient client) {
        return new ServiceEndpoint(
                "MusicBrainz",
                client,
                s.musicBrainzUrl(),
                HttpSetup.userAgent(s),
                s.musicBrainzIntervalMs(),
                4,
                Duration.ofSeconds(1),
                ErrorCode.MBID_LOOKUP_FAILED);
    }

    /** AcousticBrainz: no retries (the service is frozen and often gone; the next flavour source takes over). */
    public static ServiceEndpoint acousticBrainz(ServiceSettings s, OkHttpClient client) {
        return new ServiceEndpoint(
                "AcousticBrainz",
                client,
                s.acousticBrainzUrl(),
                HttpSetup.userAgent(s),
                s.acousticBrainzIntervalMs(),
                0,
                Duration.ofSeconds(1),
                ErrorCode.FLAVOR_UNAVAILABLE);
    }

    /** Cover Art Archive: MusicBrainz's rate discipline, one retry. */
    public static ServiceEndpoint coverArt(ServiceSettings s, OkHttpClient client) {
        return new ServiceEndpoint(
                "Cover Art Archive",
                client,
                s.coverArtUrl(),
                HttpSetup.userAgent(s),
                s.musicBrainzIntervalMs(),
                1,
                Duration.ofSeconds(1),
                ErrorCode.NETWORK_ERROR);
    }

    /** {@link #acoustId(ServiceSettings, OkHttpClient)} with the service settings of {@code p}. */
    public static ServiceEndpoint acoustId(ImportParameters p, OkHttpClient client) {
        return acoustId(ServiceSettings.of(p), client);
    }

    /** {@link #musicBrainz(ServiceSettings, OkHttpClient)} with the service settings of {@code p}. */
    public static ServiceEndpoint musicBrainz(ImportParameters p, OkHttpClient client) {
        return musicBrainz(ServiceSettings.of(p), client);
    }

    /** {@link #acousticBrainz(ServiceSettings, OkHttpClient)} with the service settings of {@code p}. */
    public static ServiceEndpoint acousticBrainz(ImportParameters p, OkHttpClient client) {
        return acousticBrainz(ServiceSettings.of(p), client);
    }

    /** {@link #coverArt(ServiceSettings, OkHttpClient)} with the service settings of {@code p}. */
    public static ServiceEndpoint coverArt(ImportParameters p, OkHttpClient client) {
        return coverArt(ServiceSettings.of(p), client);
    }
}
