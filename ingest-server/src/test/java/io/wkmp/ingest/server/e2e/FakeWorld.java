package io.wkmp.ingest.server.e2e;

import io.wkmp.ingest.adapters.sqlite.SqliteLibraryStore;
import io.wkmp.ingest.adapters.wiring.WkmpIngest;
import io.wkmp.ingest.testkit.fakes.FakeAcoustIdServer;
import io.wkmp.ingest.testkit.fakes.FakeAcousticBrainzServer;
import io.wkmp.ingest.testkit.fakes.FakeCatalog;
import io.wkmp.ingest.testkit.fakes.FakeCoverArtServer;
import io.wkmp.ingest.testkit.fakes.FakeMusicBrainzServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The three fake services over one catalogue, without rate limits (these tests are about the engine, the
 * identification tests cover the rates), and the ways to point wkmp-ai at them: wiring, command line, settings.
 */
public final class FakeWorld implements AutoCloseable {
    public static final String KEY = "e2eKey42";

    final FakeAcoustIdServer acoustId;
    final FakeMusicBrainzServer musicBrainz;
    final FakeAcousticBrainzServer acousticBrainz;
    final FakeCoverArtServer coverArt;

    public FakeWorld(FakeCatalog catalog) {
        acoustId = new FakeAcoustIdServer(catalog, Set.of(KEY), 0);
        musicBrainz = new FakeMusicBrainzServer(catalog, 0);
        acousticBrainz = new FakeAcousticBrainzServer(catalog, 0);
        coverArt = new FakeCoverArtServer(catalog);
    }

    /** Settings keys pointing at the fakes, no client-side rate limit. */
    Map<String, String> parameters() {
        return Map.of(
                "acoustid_base_url",
                acoustId.apiUrl(),
                "musicbrainz_base_url",
                musicBrainz.apiUrl(),
                "acousticbrainz_base_url",
                acousticBrainz.apiUrl(),
                "coverartarchive_base_url",
                coverArt.apiUrl(),
                "acoustid_rate_limit_ms",
                "0",
                "musicbrainz_rate_limit_ms",
                "0",
                "acousticbrainz_rate_limit_ms",
                "0");
    }

    /** The default wiring for {@code root} against the fakes, with the test key and no environment or config file. */
    public WkmpIngest.Builder wiring(Path root) {
        WkmpIngest.Builder b = WkmpIngest.forRoot(root)
                .acoustIdKey(KEY)
                .environment(Map.of("PATH", System.getenv("PATH")))
                .configFile(root.resolve("no-config.toml"));
        parameters().forEach(b::parameter);
        return b;
    }

    /** {@code wkmp-ai import} arguments for {@code folder} in {@code root} against the fakes. */
    List<String> importArgs(Path root, Path folder, String... more) {
        List<String> a = new ArrayList<>(List.of(
                "import",
                folder.toString(),
                "--root",
                root.toString(),
                "--acoustid-url",
                acoustId.apiUrl(),
                "--musicbrainz-url",
                musicBrainz.apiUrl(),
                "--acousticbrainz-url",
                acousticBrainz.apiUrl(),
                "--coverart-url",
                coverArt.apiUrl(),
                "--no-progress",
                "--param",
                "acoustid_rate_limit_ms=0",
                "--param",
                "musicbrainz_rate_limit_ms=0",
                "--param",
                "acousticbrainz_rate_limit_ms=0"));
        a.addAll(List.of(more));
        return a;
    }

    /** Forgets every fake's request counters. */
    void resetCounters() {
        acoustId.resetCounters();
        musicBrainz.resetCounters();
        acousticBrainz.resetCounters();
        coverArt.resetCounters();
    }

    /** Stores the test key as the root's AcoustID setting, as a user of the wizard would have. */
    static void storeKey(Path root) {
        try (SqliteLibraryStore store = SqliteLibraryStore.open(root)) {
            store.writeSettings(Map.of("acoustid_api_key", KEY));
        }
    }

    @Override
    public void close() {
        acoustId.close();
        musicBrainz.close();
        acousticBrainz.close();
        coverArt.close();
    }
}
