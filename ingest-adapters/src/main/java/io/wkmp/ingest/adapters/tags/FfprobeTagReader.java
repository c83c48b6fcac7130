package io.wkmp.ingest.adapters.tags;

import static io.wkmp.ingest.adapters.tags.TagText.first;
import static io.wkmp.ingest.adapters.tags.TagText.number;
import static io.wkmp.ingest.adapters.tags.TagText.text;
import static io.wkmp.ingest.adapters.tags.TagText.total;

import com.fasterxml.jackson.databind.JsonNode;
import io.wkmp.ingest.adapters.ffmpeg.FfprobeJson;
import io.wkmp.ingest.core.error.IngestException;
import io.wkmp.ingest.core.port.TagReader;
import io.wkmp.ingest.core.tags.FileTags;
import io.wkmp.ingest.core.time.Ticks;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads tags through {@code ffprobe} JSON (format and stream tags, keys case-insensitive): used whenever
 * jaudiotagger and the Ogg comment reader cannot read a file. Understands Vorbis-comment, ID3 TXXX and iTunes MusicBrainz id names.
 */
public final class FfprobeTagReader implements TagReader {
    private final FfprobeJson ffprobe;

    public FfprobeTagReader(FfprobeJson ffprobe) {
        this.ffprobe = ffprobe;
    }

    @Override
    public FileTags read(Path file) {
        try {
            return fromJson(ffprobe.probe(file));
        } catch (IngestException e) {
            return FileTags.EMPTY;
        }
    }

    static FileTags fromJson(JsonNode json) {
        Map<String, String> t = new HashMap<>();
        JsonNode stream = FfprobeJson.audioStream(json).orElse(json.path("none"));
        collect(stream.path("tags"), t);
        collect(json.path("format").path("tags"), t);
        double seconds = stream.path("duration")
                .asDouble(json.path("format").path("duration").asDouble(-1));
        return fromFields(
                t,
                seconds > 0 ? Ticks.fromSeconds(seconds) : -1,
                positive(stream.path("sample_rate").asInt(0)),
                positive(stream.path("channels").asInt(0)),
                positive(stream.path("bits_per_raw_sample").asInt(0)));
    }

    /**
     * Tags from fields named as ffprobe or Vorbis comments name them ({@code t}'s keys lower-cased), with the
     * stream's length, rate, channels and bits (null when unknown).
     */
    static FileTags fromFields(Map<String, String> t, long ticks, Integer rate, Integer channels, Integer bits) {
        String track = get(t, "track", "tracknumber");
        String disc = get(t, "disc", "discnumber");
        return new FileTags(
                text(get(t, "title")),
                text(get(t, "artist")),
                text(get(t, "album")),
                text(get(t, "album_artist", "albumartist", "album artist")),
                number(track),
                first(total(track), number(get(t, "tracktotal", "totaltracks"))),
                number(disc),
                first(total(disc), number(get(t, "disctotal", "totaldiscs"))),
                TagText.year(get(t, "date", "year", "originaldate")),
                text(get(t, "genre")),
                ticks,
                rate,
                channels,
                bits,
                text(get(t, "musicbrainz_trackid", "musicbrainz track id")),
                text(get(t, "musicbrainz_albumid", "musicbrainz album id")),
                text(get(t, "musicbrainz_releasegroupid", "musicbrainz release group id")),
                text(get(t, "musicbrainz_artistid", "musicbrainz artist id")),
                text(get(t, "musicbrainz_albumartistid", "musicbrainz album artist id")));
    }

    private static void collect(JsonNode tags, Map<String, String> into) {
        for (Map.Entry<String, JsonNode> e : tags.properties()) {
            into.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText());
        }
    }

    private static String get(Map<String, String> t, String... keys) {
        for (String k : keys) {
            if (t.containsKey(k)) {
                return t.get(k);
            }
        }
        return null;
    }

    private static Integer positive(int v) {
        return v > 0 ? v : null;
    }
}
