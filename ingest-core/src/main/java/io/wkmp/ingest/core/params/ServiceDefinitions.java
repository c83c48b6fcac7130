package io.wkmp.ingest.core.params;

/**
 * Definitions of the speed and online-service parameters (groups {@link Parameter.Group#SPEED} and
 * {@link Parameter.Group#SERVICES}): the adapters' settings.
 */
final class ServiceDefinitions {
    static final Definition WORKER_COUNT = new Definition(
            "ai_processing_thread_count",
            Parameter.Group.SPEED,
            "Files processed at once",
            Parameter.Kind.INTEGER,
            "workers",
            "0",
            0,
            64,
            "files analysed at once (online, up to 20 more may wait for the outside services); 0 = available processors clamped to 2..8");

    static final Definition DB_BATCH_FILES = new Definition(
            "ai_db_batch_files",
            Parameter.Group.SPEED,
            "Files per database write",
            Parameter.Kind.INTEGER,
            "files",
            "1",
            1,
            100,
            "files committed per database transaction");

    static final Definition ACOUSTID_RATE_LIMIT_MS = new Definition(
            "acoustid_rate_limit_ms",
            Parameter.Group.SERVICES,
            "Pause between AcoustID requests",
            Parameter.Kind.INTEGER,
            "ms",
            "334",
            0,
            60_000,
            "least time between two AcoustID requests (the service allows 3 per second)");

    static final Definition ACOUSTID_BATCH_WAIT_MS = new Definition(
            "acoustid_batch_wait_ms",
            Parameter.Group.SERVICES,
            "Longest wait for more fingerprints of an AcoustID request",
            Parameter.Kind.INTEGER,
            "ms",
            "15000",
            0,
            300_000,
            "fingerprints of all files wait in one queue until 20 fill a request, no file being analysed can add"
                    + " more, or no new fingerprint came for this long; 0 = each file asks at once");

    static final Definition MUSICBRAINZ_RATE_LIMIT_MS = new Definition(
            "musicbrainz_rate_limit_ms",
            Parameter.Group.SERVICES,
            "Pause between MusicBrainz requests",
            Parameter.Kind.INTEGER,
            "ms",
            "1000",
            0,
            60_000,
            "least time between two MusicBrainz requests (the service allows 1 per second; 0 for a local mirror)");

    static final Definition ACOUSTICBRAINZ_RATE_LIMIT_MS = new Definition(
            "acousticbrainz_rate_limit_ms",
            Parameter.Group.SERVICES,
            "Pause between AcousticBrainz requests",
            Parameter.Kind.INTEGER,
            "ms",
            "1000",
            0,
            60_000,
            "least time between two AcousticBrainz requests");

    static final Definition HTTP_TIMEOUT_MS = new Definition(
            "http_timeout_ms",
            Parameter.Group.SERVICES,
            "Request timeout",
            Parameter.Kind.INTEGER,
            "ms",
            "30000",
            100,
            300_000,
            "timeout of one request to an outside service");

    static final Definition ACOUSTID_BASE_URL = new Definition(
            "acoustid_base_url",
            Parameter.Group.SERVICES,
            "AcoustID address",
            Parameter.Kind.URL,
            "",
            "https://api.acoustid.org/v2",
            0,
            0,
            "AcoustID web service");

    static final Definition MUSICBRAINZ_BASE_URL = new Definition(
            "musicbrainz_base_url",
            Parameter.Group.SERVICES,
            "MusicBrainz address",
            Parameter.Kind.URL,
            "",
            "https://musicbrainz.org/ws/2",
            0,
            0,
            "MusicBrainz web service (or a local mirror)");

    static final Definition ACOUSTICBRAINZ_BASE_URL = new Definition(
            "acousticbrainz_base_url",
            Parameter.Group.SERVICES,
            "AcousticBrainz address",
            Parameter.Kind.URL,
            "",
            "https://acousticbrainz.org/api/v1",
            0,
            0,
            "AcousticBrainz web service");

    static final Definition COVERART_BASE_URL = new Definition(
            "coverartarchive_base_url",
            Parameter.Group.SERVICES,
            "Cover Art Archive address",
            Parameter.Kind.URL,
            "",
            "https://coverartarchive.org",
            0,
            0,
            "Cover Art Archive");

    static final Definition MUSICBRAINZ_CONTACT = new Definition(
            "musicbrainz_contact",
            Parameter.Group.SERVICES,
            "Contact sent to MusicBrainz",
            Parameter.Kind.TEXT,
            "",
            "https://github.com/MangoCats/McRhythm",
            0,
            0,
            "contact (URL or e-mail) sent in the User-Agent, as MusicBrainz requires");

    private ServiceDefinitions() {}
}
