package io.wkmp.ingest.adapters.e2e;

import io.wkmp.ingest.adapters.wiring.WkmpIngest;
import io.wkmp.ingest.testkit.fakes.FakeAcoustIdServer;
import io.wkmp.ingest.testkit.fakes.FakeAcousticBrainzServer;
import io.wkmp.ingest.testkit.fakes.FakeCatalog;
import io.wkmp.ingest.testkit.fakes.FakeMusicBrainzServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The three fake services over one catalogue: AcoustID and MusicBrainz at their real rates (3/s, 1/s),
 * AcousticBrainz at 3/s to keep the tests short (every fake tolerates one interval of delivery noise); and {@link WkmpIngest} builders wired to them (or to a
 * closed port) with the real rate limits and {@value #WORKERS} workers, isolated from the machine's
 * AcoustID key (empty environment but PATH, no config file).
 */
final class Fakes implements AutoCloseable {
    static final String KEY = "e2eKey123";
    static final int WORKERS = 3;
    static final long ACOUSTICBRAINZ_INTERVAL_MS = 334;
    static final String CLOSED = "http://127.0.0.1:1";

    final FakeAcoustIdServer acoustId;
    final FakeMusicBrainzServer musicBrainz;
    final FakeAcousticBrainzServer acousticBrainz;

    Fakes(FakeCatalog catalog) {
        acoustId = new FakeAcoustIdServer(catalog, Set.of(KEY));
        musicBrainz = new FakeMusicBrainzServer(catalog);
        acousticBrainz = new FakeAcousticBrainzServer(catalog, ACOUSTICBRAINZ_INTERVAL_MS);
    }

    /** Online against the fakes, with the AcoustID key. */
    WkmpIngest.Builder online(Path root) {
        return base(root, acoustId.apiUrl(), musicBrainz.apiUrl(), acousticBrainz.apiUrl())
                .acoustIdKey(KEY);
    }

    /** Not offline, but every service URL points at a closed port, and there is no AcoustID key. */
    static WkmpIngest.Builder unreachable(Path root) {
        return base(root, CLOSED + "/v2", CLOSED + "/ws/2", CLOSED + "/api/v1");
    }

    /** Offline, no key. */
    static WkmpIngest.Builder offline(Path root) {
        return base(root, CLOSED + "/v2", CLOSED + "/ws/2", CLOSED + "/api/v1").offline(true);
    }

    /** Online against the fakes' MusicBrainz and AcousticBrainz, but without an AcoustID key. */
    WkmpIngest.Builder withoutKey(Path root) {
        return base(root, acoustId.apiUrl(), musicBrainz.apiUrl(), acousticBrainz.apiUrl());
    }

    private static WkmpIngest.Builder base(
            Path root, String acoustIdUrl, String musicBrainzUrl, String acousticBrainzUrl) {
        return WkmpIngest.forRoot(root)
                .environment(Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")))
                .configFile(root.resolve("no-such-config.toml"))
                .parameter("acoustid_base_url", acoustIdUrl)
                .parameter("musicbrainz_base_url", musicBrainzUrl)
                .parameter("acousticbrainz_base_url", acousticBrainzUrl)
                .parameter("coverartarchive_base_url", CLOSED)
                .parameter("acoustid_rate_limit_ms", "334")
                .parameter("musicbrainz_rate_limit_ms", "1000")
                .parameter("acousticbrainz_rate_limit_ms", String.valueOf(ACOUSTICBRAINZ_INTERVAL_MS))
                .parameter("ai_processing_thread_count", String.valueOf(WORKERS));
    }

    int musicBrainzRequests() {
        return musicBrainz.totalRequests();
    }

    int outsideRequests() {
        return acoustId.totalRequests() + musicBrainz.totalRequests() + acousticBrainz.totalRequests();
    }

    int violations() {
        return acoustId.rateLimitViolations()
                + musicBrainz.rateLimitViolations()
                + acousticBrainz.rateLimitViolations();
    }

    String counts() {
        return "AcoustID " + acoustId.requestCounts() + ", MusicBrainz " + musicBrainz.requestCounts()
                + ", AcousticBrainz " + acousticBrainz.requestCounts() + ", rate-limit violations " + violations();
    }

    void reset() {
        acoustId.resetCounters();
        musicBrainz.resetCounters();
        acousticBrainz.resetCounters();
    }

    @Override
    public void close() {
        acoustId.close();
        musicBrainz.close();
        acousticBrainz.close();
    }
}
