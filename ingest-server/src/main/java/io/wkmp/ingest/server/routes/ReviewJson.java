package io.wkmp.ingest.server.routes;

import io.wkmp.ingest.core.identification.Candidate;
import io.wkmp.ingest.core.identification.EvidenceSummary;
import io.wkmp.ingest.core.library.ReviewPassage;
import io.wkmp.ingest.core.library.UserDecision;
import io.wkmp.ingest.core.time.Ticks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A passage under review as {@code GET /review} and {@code wkmp-ai review --json} give it (docs/api.md). */
public final class ReviewJson {
    private ReviewJson() {}

    /** The JSON object of {@code p}; non-finite numbers are null. */
    public static Map<String, Object> of(ReviewPassage p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("passage", p.guid());
        m.put("file", p.fileRelativePath());
        m.put("start_ticks", p.timing().start());
        m.put("end_ticks", p.timing().end());
        m.put("start", Ticks.format(p.timing().start()));
        m.put("end", Ticks.format(p.timing().end()));
        m.put("title", p.title());
        m.put("artist", p.artist());
        m.put("album", p.album());
        m.put("tags", p.tags());
        m.put("decision", p.decision() == null ? null : p.decision().name());
        m.put("confidence", p.confidence());
        m.put("recording_mbid", p.recordingMbid());
        m.put("breakdown", p.breakdown().stream().map(ReviewJson::component).toList());
        m.put("reasons", p.reasons());
        m.put("candidates", p.candidates().stream().map(ReviewJson::candidate).toList());
        m.put("user_decision", p.userDecision() == null ? null : user(p.userDecision()));
        return m;
    }

    /** Every passage of {@code ps}. */
    public static List<Map<String, Object>> of(List<ReviewPassage> ps) {
        return ps.stream().map(ReviewJson::of).toList();
    }

    private static Map<String, Object> component(EvidenceSummary.Component c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("weight", finite(c.weight()));
        m.put("value", finite(c.value()));
        m.put("reason", c.reason());
        return m;
    }

    private static Map<String, Object> candidate(Candidate c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recording_mbid", c.recordingMbid());
        m.put("title", c.title());
        m.put("release_mbid", c.releaseMbid());
        m.put("track_number", c.trackNumber());
        m.put("fingerprint_score", finite(c.fingerprintScore()));
        m.put("duration_delta_seconds", finite(c.durationDeltaSeconds()));
        return m;
    }

    private static Map<String, Object> user(UserDecision d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", d.action().name());
        m.put("recording_mbid", d.recordingMbid());
        m.put("by", d.by());
        m.put("at", d.at().toString());
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
