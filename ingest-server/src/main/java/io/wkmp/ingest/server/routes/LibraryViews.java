package io.wkmp.ingest.server.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wkmp.ingest.core.library.StoredFile;
import io.wkmp.ingest.core.library.StoredPassage;
import io.wkmp.ingest.core.passage.PassageTiming;
import io.wkmp.ingest.core.time.Ticks;
import io.wkmp.ingest.server.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON views of stored files, passages and timings, and the reverse for timing edits. Stateless. */
final class LibraryViews {
    private final ObjectMapper json;

    LibraryViews(ObjectMapper json) {
        this.json = json;
    }

    Map<String, Object> file(StoredFile f, boolean withIdentification) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", f.relativePath());
        m.put("guid", f.guid());
        m.put("status", f.status());
        m.put("format", f.format());
        m.put("sample_rate", f.sampleRate());
        m.put("channels", f.channels());
        m.put("duration_ticks", f.durationTicks() < 0 ? null : f.durationTicks());
        m.put("duration_seconds", f.durationTicks() < 0 ? null : Ticks.toSeconds(f.durationTicks()));
        m.put("artist", f.artist());
        m.put("title", f.title());
        m.put("album", f.album());
        m.put(
                "passages",
                f.passages().stream().map(p -> passage(p, withIdentification)).toList());
        return m;
    }

    private Map<String, Object> passage(StoredPassage p, boolean withIdentification) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("guid", p.guid());
        m.put("title", p.title());
        m.put("artist", p.artist());
        m.put("album", p.album());
        m.put("timing", timing(p.timing()));
        if (withIdentification) {
            m.put("recording_mbid", p.recordingMbid());
            m.put("fingerprint", p.fingerprint());
            Map<String, Object> id = new LinkedHashMap<>();
            id.put("decision", p.decision());
            id.put("confidence", p.confidence());
            id.put("evidence", parsed(p.evidenceJson()));
            m.put("identification", id);
            m.put("import_metadata", parsed(p.importMetadataJson()));
        }
        return m;
    }

    static Map<String, Object> timing(PassageTiming t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start_time_ticks", t.start());
        m.put("end_time_ticks", t.end());
        m.put("lead_in_start_ticks", t.leadIn());
        m.put("lead_out_start_ticks", t.leadOut());
        m.put("fade_in_start_ticks", t.fadeInStart());
        m.put("fade_in_end_ticks", t.fadeInEnd());
        m.put("fade_out_start_ticks", t.fadeOutStart());
        return m;
    }

    /** A timing from an edit; the constructor's ordering checks throw {@link io.wkmp.ingest.core.passage.TimingException}. */
    static PassageTiming timing(JsonBody b) {
        Long start = b.number("start_time_ticks");
        Long end = b.number("end_time_ticks");
        if (start == null || end == null) {
            throw ApiException.badRequest("INVALID_TIMING", "start_time_ticks and end_time_ticks are required");
        }
        return new PassageTiming(
                start,
                end,
                b.number("lead_in_start_ticks"),
                b.number("lead_out_start_ticks"),
                b.number("fade_in_start_ticks"),
                b.number("fade_in_end_ticks"),
                b.number("fade_out_start_ticks"));
    }

    /** Stored JSON text as a JSON value; text that does not parse is returned as it is. */
    private Object parsed(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return text;
        }
    }
}
