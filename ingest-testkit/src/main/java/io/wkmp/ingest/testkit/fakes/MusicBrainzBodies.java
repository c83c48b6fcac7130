package io.wkmp.ingest.testkit.fakes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** MusicBrainz ws/2 JSON shapes of the fake catalogue's entities (as maps for Jackson). Stateless. */
final class MusicBrainzBodies {
    private MusicBrainzBodies() {}

    static List<Object> artistCredit(FakeCatalog.Artist a) {
        Map<String, Object> artist = new LinkedHashMap<>();
        artist.put("id", a.id());
        artist.put("name", a.name());
        artist.put("sort-name", a.name());
        return List.of(Map.of("name", a.name(), "joinphrase", "", "artist", artist));
    }

    static Map<String, Object> releaseGroup(FakeCatalog.Release r) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("id", r.releaseGroupId());
        g.put("title", r.title());
        g.put("primary-type", "Album");
        g.put("secondary-types", List.of());
        g.put("first-release-date", r.date());
        return g;
    }

    static Map<String, Object> releaseSummary(FakeCatalog.Release r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("title", r.title());
        m.put("status", "Official");
        m.put("date", r.date());
        m.put("track-count", r.trackCount());
        m.put("artist-credit", artistCredit(r.artist()));
        // a search hit's release group is a summary too: no first release date, secondary types only when it has some
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("id", r.releaseGroupId());
        group.put("title", r.title());
        group.put("primary-type", "Album");
        m.put("release-group", group);
        List<Object> media = new ArrayList<>();
        r.media()
                .forEach(md -> media.add(Map.of(
                        "format", md.format(), "track-count", md.recordings().size())));
        m.put("media", media);
        return m;
    }

    static Map<String, Object> release(FakeCatalog.Release r, String inc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("title", r.title());
        m.put("status", "Official");
        m.put("date", r.date());
        m.put("country", "XW");
        if (inc.contains("artist-credits")) {
            m.put("artist-credit", artistCredit(r.artist()));
        }
        if (inc.contains("release-groups")) {
            m.put("release-group", releaseGroup(r));
        }
        List<Object> media = new ArrayList<>();
        int offset = 0;
        for (FakeCatalog.Medium md : r.media()) {
            Map<String, Object> medium = new LinkedHashMap<>();
            medium.put("position", md.position());
            medium.put("format", md.format());
            medium.put("track-count", md.recordings().size());
            medium.put("track-offset", offset);
            if (inc.contains("recordings")) {
                List<Object> tracks = new ArrayList<>();
                for (int i = 0; i < md.recordings().size(); i++) {
                    FakeCatalog.Recording rec = md.recordings().get(i);
                    Map<String, Object> t = new LinkedHashMap<>();
                    t.put("id", r.trackId(md.position(), i + 1));
                    t.put("number", String.valueOf(i + 1));
                    t.put("position", i + 1);
                    t.put("title", rec.title());
                    t.put("length", rec.lengthMs());
                    if (inc.contains("artist-credits")) {
                        t.put("artist-credit", artistCredit(rec.artists().get(0)));
                    }
                    t.put("recording", recordingCore(rec, inc.contains("artist-credits"), inc.contains("work-rels")));
                    tracks.add(t);
                }
                medium.put("tracks", tracks);
            }
            offset += md.recordings().size();
            media.add(medium);
        }
        m.put("media", media);
        return m;
    }

    static Map<String, Object> recording(FakeCatalog.Recording rec, FakeCatalog catalog, boolean withReleases) {
        Map<String, Object> m = recordingCore(rec, true, true);
        if (withReleases) {
            List<Object> rels = new ArrayList<>();
            catalog.releasesOf(rec.id()).forEach(r -> rels.add(releaseSummary(r)));
            m.put("releases", rels);
        }
        return m;
    }

    private static Map<String, Object> recordingCore(FakeCatalog.Recording rec, boolean credits, boolean works) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", rec.id());
        m.put("title", rec.title());
        m.put("length", rec.lengthMs());
        m.put("video", false);
        m.put("disambiguation", "");
        if (credits) {
            m.put("artist-credit", artistCredit(rec.artists().get(0)));
        }
        if (works) {
            List<Object> rels = new ArrayList<>();
            for (FakeCatalog.Work w : rec.works()) {
                Map<String, Object> rel = new LinkedHashMap<>();
                rel.put("type", "performance");
                rel.put("target-type", "work");
                rel.put("direction", "forward");
                rel.put("work", Map.of("id", w.id(), "title", w.title(), "type", "Song"));
                rels.add(rel);
            }
            m.put("relations", rels);
        }
        return m;
    }
}
