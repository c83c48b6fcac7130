package io.wkmp.ingest.adapters.acoustid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wkmp.ingest.core.port.AcoustIdMatch;
import io.wkmp.ingest.core.port.AcoustIdRelease;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads AcoustID lookup JSON (single and batch forms) into core matches. Stateless. */
final class AcoustIdJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private AcoustIdJson() {}

    static JsonNode parse(String body) throws JsonProcessingException {
        return MAPPER.readTree(body);
    }

    /** The error code of an error reply, if it is one. */
    static Optional<Integer> errorCode(JsonNode root) {
        if ("error".equals(root.path("status").asText())) {
            return Optional.of(root.path("error").path("code").asInt(-1));
        }
        return Optional.empty();
    }

    /** The {@code results} array of each fingerprint of a batch reply, by index. */
    static Map<Integer, JsonNode> batchResults(JsonNode root) {
        Map<Integer, JsonNode> out = new LinkedHashMap<>();
        JsonNode fps = root.get("fingerprints");
        if (fps == null || !fps.isArray()) {
            throw new IllegalArgumentException("batch reply without a fingerprints array");
        }
        for (JsonNode fp : fps) {
            out.put(fp.path("index").asInt(), fp.path("results"));
        }
        return out;
    }

    /** Candidates of one fingerprint: each recording once, with the best score it reached; best first. */
    static List<AcoustIdMatch> matches(JsonNode results) {
        Map<String, AcoustIdMatch> byRecording = new LinkedHashMap<>();
        for (JsonNode result : results) {
            double score = result.path("score").asDouble(0);
            for (JsonNode rec : result.path("recordings")) {
                String id = rec.path("id").asText(null);
                if (id == null) {
                    continue;
                }
                AcoustIdMatch m = new AcoustIdMatch(
                        id,
                        score,
                        rec.path("title").asText(null),
                        rec.has("duration") ? rec.path("duration").asDouble() : -1,
                        artists(rec),
                        releases(rec));
                AcoustIdMatch prev = byRecording.get(id);
                if (prev == null || prev.score() < score) {
                    byRecording.put(id, m);
                }
            }
        }
        List<AcoustIdMatch> out = new ArrayList<>(byRecording.values());
        out.sort(Comparator.comparingDouble(AcoustIdMatch::score).reversed());
        return out;
    }

    private static List<String> artists(JsonNode rec) {
        List<String> names = new ArrayList<>();
        rec.path("artists").forEach(a -> names.add(a.path("name").asText()));
        return names;
    }

    private static List<AcoustIdRelease> releases(JsonNode rec) {
        List<AcoustIdRelease> out = new ArrayList<>();
        for (JsonNode group : rec.path("releasegroups")) {
            for (JsonNode rel : group.path("releases")) {
                addRelease(out, rel, group.path("id").asText(null));
            }
        }
        for (JsonNode rel : rec.path("releases")) {
            addRelease(out, rel, null);
        }
        return out;
    }

    private static void addRelease(List<AcoustIdRelease> out, JsonNode rel, String groupId) {
        String id = rel.path("id").asText("");
        if (id.isEmpty() || out.stream().anyMatch(r -> r.releaseMbid().equals(id))) {
            return;
        }
        int medium = -1, position = -1;
        for (JsonNode m : rel.path("mediums")) {
            for (JsonNode t : m.path("tracks")) {
                medium = m.path("position").asInt(-1);
                position = t.path("position").asInt(-1);
            }
        }
        out.add(new AcoustIdRelease(
                id,
                groupId,
                rel.path("title").asText(null),
                rel.path("track_count").asInt(-1),
                medium,
                position));
    }
}
