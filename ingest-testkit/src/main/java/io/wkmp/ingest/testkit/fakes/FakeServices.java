package io.wkmp.ingest.testkit.fakes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The four fake services over one {@link FakeCatalog}, each on its own loopback port with the REAL rate limit
 * (AcoustID 3/s, MusicBrainz 1/s, AcousticBrainz 1/s, Cover Art Archive none), and their counters as one
 * report. Close it to stop them.
 */
public final class FakeServices implements AutoCloseable {
    private final FakeAcoustIdServer acoustId;
    private final FakeMusicBrainzServer musicBrainz;
    private final FakeAcousticBrainzServer acousticBrainz;
    private final FakeCoverArtServer coverArt;

    private FakeServices(
            FakeAcoustIdServer acoustId,
            FakeMusicBrainzServer musicBrainz,
            FakeAcousticBrainzServer acousticBrainz,
            FakeCoverArtServer coverArt) {
        this.acoustId = acoustId;
        this.musicBrainz = musicBrainz;
        this.acousticBrainz = acousticBrainz;
        this.coverArt = coverArt;
    }

    /** Starts the four fakes; AcoustID accepts exactly {@code acoustIdKeys}. */
    public static FakeServices start(FakeCatalog catalog, Set<String> acoustIdKeys) {
        FakeAcoustIdServer a = new FakeAcoustIdServer(catalog, acoustIdKeys);
        try {
            FakeMusicBrainzServer m = new FakeMusicBrainzServer(catalog);
            try {
                FakeAcousticBrainzServer ab = new FakeAcousticBrainzServer(catalog);
                try {
                    return new FakeServices(a, m, ab, new FakeCoverArtServer(catalog));
                } catch (RuntimeException e) {
                    ab.close();
                    throw e;
                }
            } catch (RuntimeException e) {
                m.close();
                throw e;
            }
        } catch (RuntimeException e) {
            a.close();
            throw e;
        }
    }

    public FakeAcoustIdServer acoustId() {
        return acoustId;
    }

    public FakeMusicBrainzServer musicBrainz() {
        return musicBrainz;
    }

    public FakeAcousticBrainzServer acousticBrainz() {
        return acousticBrainz;
    }

    public FakeCoverArtServer coverArt() {
        return coverArt;
    }

    /**
     * What a client uses as base URLs, keyed by the service's short name ({@code acoustid}, {@code musicbrainz},
     * {@code acousticbrainz}, {@code coverart}), in that order.
     */
    public Map<String, String> apiUrls() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("acoustid", acoustId.apiUrl());
        m.put("musicbrainz", musicBrainz.apiUrl());
        m.put("acousticbrainz", acousticBrainz.apiUrl());
        m.put("coverart", coverArt.apiUrl());
        return m;
    }

    /**
     * The counters, per service (same names as {@link #apiUrls()}): {@code requests} per endpoint (every request
     * received, refused or not), {@code total}, {@code rate_violations} and their {@code violation_details}; for
     * AcoustID also {@code fingerprints} (how many the lookups carried).
     */
    public Map<String, Object> report() {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> a = counters(acoustId);
        a.put("fingerprints", acoustId.fingerprints());
        out.put("acoustid", a);
        out.put("musicbrainz", counters(musicBrainz));
        out.put("acousticbrainz", counters(acousticBrainz));
        out.put("coverart", counters(coverArt));
        return out;
    }

    /** Resets every fake's counters and rate schedule. */
    public void resetCounters() {
        all().forEach(FakeService::resetCounters);
    }

    @Override
    public void close() {
        all().forEach(FakeService::close);
    }

    private List<FakeService> all() {
        return List.of(acoustId, musicBrainz, acousticBrainz, coverArt);
    }

    private static Map<String, Object> counters(FakeService s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("base_url", s.baseUrl());
        m.put("requests", s.requestCounts());
        m.put("total", s.totalRequests());
        m.put("rate_violations", s.rateLimitViolations());
        m.put("violation_details", s.violationDetails());
        return m;
    }
}
