package io.wkmp.ingest.testkit.fakes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What {@link FakeAcoustIdServer} answers for a fingerprint, in the service's shape: results {@code
 * {"id","score","recordings":[...]}}, a recording with its artists and (asked for with {@code meta}) its release
 * groups and releases, each release with the medium and track the recording is on.
 */
final class AcoustIdAnswers {
    private final FakeCatalog catalog;

    AcoustIdAnswers(FakeCatalog catalog) {
        this.catalog = catalog;
    }

    /** The results of one query: the catalogue's recordings whose fingerprints are similar, best first. */
    List<Object> results(int[] raw, int duration, String meta) {
        List<Object> results = new ArrayList<>();
        for (FakeCatalog.Match m : catalog.matchFingerprint(raw, duration)) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put(
                    "id",
                    UUID.nameUUIDFromBytes(("acoustid/" + m.recording().id()).getBytes())
                            .toString());
            result.put("score", Math.round(Math.min(1, (m.similarity() - 0.5) * 2) * 10_000) / 10_000.0);
            if (meta.contains("recording")) {
                result.put("recordings", List.of(recording(m.recording(), meta)));
            }
            results.add(result);
        }
        return results;
    }

    private Map<String, Object> recording(FakeCatalog.Recording r, String meta) {
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("id", r.id());
        rec.put("title", r.title());
        rec.put("duration", r.lengthMs() / 1000.0); // seconds as a float, as the service sends them
        List<Object> artists = new ArrayList<>();
        r.artists().forEach(a -> artists.add(Map.of("id", a.id(), "name", a.name())));
        rec.put("artists", artists);
        if (meta.contains("releasegroups") || meta.contains("releases")) {
            Map<String, List<Object>> byGroup = new LinkedHashMap<>();
            Map<String, FakeCatalog.Release> groupRelease = new LinkedHashMap<>();
            for (FakeCatalog.Release rel : catalog.releasesOf(r.id())) {
                byGroup.computeIfAbsent(rel.releaseGroupId(), k -> new ArrayList<>())
                        .add(release(rel, r.id()));
                groupRelease.putIfAbsent(rel.releaseGroupId(), rel);
            }
            List<Object> groups = new ArrayList<>();
            byGroup.forEach((id, rels) -> groups.add(Map.of(
                    "id", id, "type", "Album", "title", groupRelease.get(id).title(), "releases", rels)));
            rec.put("releasegroups", groups);
        }
        return rec;
    }

    private static Map<String, Object> release(FakeCatalog.Release rel, String recordingId) {
        List<Object> mediums = new ArrayList<>();
        for (FakeCatalog.Medium m : rel.media()) {
            List<Object> tracks = new ArrayList<>();
            for (int i = 0; i < m.recordings().size(); i++) {
                if (m.recordings().get(i).id().equals(recordingId)) {
                    tracks.add(Map.of(
                            "id",
                            rel.trackId(m.position(), i + 1),
                            "position",
                            i + 1,
                            "title",
                            m.recordings().get(i).title()));
                }
            }
            mediums.add(Map.of(
                    "position",
                    m.position(),
                    "format",
                    m.format(),
                    "track_count",
                    m.recordings().size(),
                    "tracks",
                    tracks));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", rel.id());
        out.put("title", rel.title());
        out.put("track_count", rel.trackCount());
        out.put("medium_count", rel.media().size());
        out.put("mediums", mediums);
        return out;
    }
}
