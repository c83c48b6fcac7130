package io.wkmp.ingest.adapters.musicbrainz;

import com.fasterxml.jackson.databind.JsonNode;
import io.wkmp.ingest.core.catalog.ArtistCredit;
import io.wkmp.ingest.core.catalog.Medium;
import io.wkmp.ingest.core.catalog.Recording;
import io.wkmp.ingest.core.catalog.Release;
import io.wkmp.ingest.core.catalog.Track;
import io.wkmp.ingest.core.catalog.Work;
import io.wkmp.ingest.core.port.MusicBrainzService.SearchHit;
import java.util.ArrayList;
import java.util.List;

/** Reads MusicBrainz ws/2 JSON into core catalogue records. Stateless. */
final class MusicBrainzJson {
    private MusicBrainzJson() {}

    static Release release(JsonNode r) {
        List<Medium> media = new ArrayList<>();
        List<ArtistCredit> releaseArtists = credits(r.path("artist-credit"));
        for (JsonNode m : r.path("media")) {
            List<Track> tracks = new ArrayList<>();
            for (JsonNode t : m.path("tracks")) {
                JsonNode rec = t.path("recording");
                List<ArtistCredit> artists =
                        credits(rec.has("artist-credit") ? rec.path("artist-credit") : t.path("artist-credit"));
                Recording recording = new Recording(
                        text(rec, "id"),
                        text(rec, "title"),
                        rec.path("length").asLong(-1),
                        artists.isEmpty() ? releaseArtists : artists,
                        works(rec));
                tracks.add(new Track(
                        text(t, "id"),
                        t.path("position").asInt(tracks.size() + 1),
                        text(t, "number"),
                        text(t, "title"),
                        t.path("length").asLong(recording.lengthMs()),
                        recording));
            }
            media.add(new Medium(m.path("position").asInt(media.size() + 1), text(m, "format"), tracks));
        }
        return new Release(
                text(r, "id"),
                text(r, "title"),
                text(r, "date"),
                text(r.path("release-group"), "id"),
                releaseArtists,
                media);
    }

    static Recording recording(JsonNode rec) {
        return new Recording(
                text(rec, "id"),
                text(rec, "title"),
                rec.path("length").asLong(-1),
                credits(rec.path("artist-credit")),
                works(rec));
    }

    static SearchHit releaseHit(JsonNode r) {
        int tracks = r.path("track-count").asInt(-1);
        if (tracks < 0) {
            tracks = 0;
            for (JsonNode m : r.path("media")) {
                tracks += m.path("track-count").asInt(0);
            }
        }
        return new SearchHit(
                text(r, "id"),
                text(r, "title"),
                creditText(r.path("artist-credit")),
                tracks,
                -1,
                r.path("score").asInt(0));
    }

    static SearchHit recordingHit(JsonNode r) {
        return new SearchHit(
                text(r, "id"),
                text(r, "title"),
                creditText(r.path("artist-credit")),
                -1,
                r.path("length").asLong(-1),
                r.path("score").asInt(0));
    }

    static List<ArtistCredit> credits(JsonNode credit) {
        List<ArtistCredit> out = new ArrayList<>();
        for (JsonNode c : credit) {
            String name = c.has("name")
                    ? c.path("name").asText()
                    : c.path("artist").path("name").asText();
            out.add(new ArtistCredit(
                    text(c.path("artist"), "id"), name, c.path("joinphrase").asText("")));
        }
        return out;
    }

    /** "A feat. B": names joined by their join phrases. */
    static String creditText(JsonNode credit) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode c : credit) {
            sb.append(
                    c.has("name")
                            ? c.path("name").asText()
                            : c.path("artist").path("name").asText());
            sb.append(c.path("joinphrase").asText(""));
        }
        return sb.toString();
    }

    private static List<Work> works(JsonNode rec) {
        List<Work> out = new ArrayList<>();
        for (JsonNode rel : rec.path("relations")) {
            if ("performance".equals(rel.path("type").asText()) && rel.has("work")) {
                out.add(new Work(text(rel.path("work"), "id"), text(rel.path("work"), "title")));
            }
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
