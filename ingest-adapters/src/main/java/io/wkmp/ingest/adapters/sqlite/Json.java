package io.wkmp.ingest.adapters.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wkmp.ingest.adapters.evidence.EvidenceShape;
import io.wkmp.ingest.core.amplitude.AmplitudeSummary;
import io.wkmp.ingest.core.error.ImportIssue;
import io.wkmp.ingest.core.flavor.Flavor;
import io.wkmp.ingest.core.identification.Candidate;
import io.wkmp.ingest.core.identification.EvidenceSummary;
import io.wkmp.ingest.core.identification.Identification;
import io.wkmp.ingest.core.library.UserDecision;
import io.wkmp.ingest.core.tags.FileTags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The JSON shapes of the JSON columns. Non-finite numbers are written as null. Thread-safe. */
final class Json {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final ObjectMapper mapper = new ObjectMapper();

    /** {@code passages.identification_evidence}: see {@link EvidenceShape}. */
    String evidence(Identification id) {
        return write(EvidenceShape.of(id));
    }

    /** What {@link #evidence} stored, read back for a person reviewing it; empty parts when absent or unreadable. */
    StoredEvidence storedEvidence(String evidenceJson) {
        List<EvidenceSummary.Component> breakdown = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        UserDecision user = null;
        if (evidenceJson != null && !evidenceJson.isBlank()) {
            try {
                JsonNode n = mapper.readTree(evidenceJson);
                n.path("breakdown")
                        .forEach(b -> breakdown.add(new EvidenceSummary.Component(
                                b.path("name").asText(),
                                numberOf(b.path("weight")),
                                numberOf(b.path("value")),
                                b.path("reason").asText(null))));
                n.path("reasons").forEach(r -> reasons.add(r.asText()));
                n.path("candidates")
                        .forEach(c -> candidates.add(new Candidate(
                                c.path("recording_mbid").asText(null),
                                c.path("title").asText(null),
                                c.path("release_mbid").asText(null),
                                c.path("track_number").isInt()
                                        ? c.path("track_number").asInt()
                                        : null,
                                numberOf(c.path("fingerprint_score")),
                                numberOf(c.path("duration_delta_seconds")))));
                JsonNode u = n.path("user_decision");
                if (u.isObject()) {
                    user = new UserDecision(
                            UserDecision.Action.valueOf(u.path("action").asText()),
                            u.path("recording_mbid").asText(null),
                            u.path("by").asText(),
                            Instant.parse(u.path("at").asText()));
                }
            } catch (JsonProcessingException | RuntimeException e) {
                // another module's or an older shape: shown without the parts that cannot be read
            }
        }
        return new StoredEvidence(breakdown, reasons, candidates, user);
    }

    /** {@code evidenceJson} with {@code d} as its {@code user_decision} and the decision and recording it sets. */
    String withUserDecision(String evidenceJson, UserDecision d) {
        ObjectNode n;
        try {
            JsonNode read = evidenceJson == null ? null : mapper.readTree(evidenceJson);
            n = read instanceof ObjectNode o ? o : mapper.createObjectNode();
        } catch (JsonProcessingException e) {
            n = mapper.createObjectNode();
        }
        n.put("decision", d.decision().name());
        n.put("recording_mbid", d.recordingMbid());
        n.set("user_decision", mapper.valueToTree(EvidenceShape.UserDecisionShape.of(d)));
        return write(n);
    }

    /** The parts of the evidence a review shows. */
    record StoredEvidence(
            List<EvidenceSummary.Component> breakdown,
            List<String> reasons,
            List<Candidate> candidates,
            UserDecision userDecision) {}

    private static double numberOf(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    /** {@code songs.flavor_vector} / {@code passages.musical_flavor_vector}: characteristic name to value. */
    String flavor(Flavor f) {
        if (f == null) {
            return null;
        }
        ObjectNode n = mapper.createObjectNode();
        f.values().forEach((k, v) -> number(n, k, v));
        return write(n);
    }

    /** {@code songs.flavor_source_blend}: a JSON array of sources. */
    String sourceBlend(Flavor f) {
        return f == null ? null : write(mapper.createArrayNode().add(f.source()));
    }

    /**
     * {@code passages.import_metadata}: the amplitude analysis record, and {@code flavor_source}, where the passage's
     * {@code musical_flavor_vector} came from (so a later identification can give the song that flavour).
     */
    String importMetadata(AmplitudeSummary a, Flavor f) {
        if (a == null && f == null) {
            return null;
        }
        ObjectNode n = mapper.createObjectNode();
        if (a != null) {
            ObjectNode amp = n.putObject("amplitude");
            number(amp, "peak_dbfs", a.peakDbfs());
            number(amp, "rms_dbfs", a.rmsDbfs());
            ObjectNode params = amp.putObject("parameters");
            a.parametersUsed().forEach(params::put);
        }
        if (f != null) {
            n.put("flavor_source", f.source());
        }
        return write(n);
    }

    /** The flavour a passage row holds, when its source was recorded by {@link #importMetadata}. */
    Optional<Flavor> passageFlavor(String vector, String importMetadata) {
        if (vector == null || importMetadata == null) {
            return Optional.empty();
        }
        try {
            String source =
                    mapper.readTree(importMetadata).path("flavor_source").asText("");
            Map<String, Double> values = new TreeMap<>();
            mapper.readTree(vector).properties().forEach(e -> {
                if (e.getValue().isNumber()) {
                    values.put(e.getKey(), e.getValue().asDouble());
                }
            });
            return source.isEmpty() || values.isEmpty() ? Optional.empty() : Optional.of(new Flavor(source, values));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    String tags(FileTags t) {
        return t == null ? null : write(mapper.valueToTree(t));
    }

    /** The tags stored by {@link #tags(FileTags)}; EMPTY when absent or unreadable. */
    FileTags tags(String json) {
        if (json == null || json.isBlank()) {
            return FileTags.EMPTY;
        }
        try {
            return mapper.readValue(json, FileTags.class);
        } catch (JsonProcessingException e) {
            return FileTags.EMPTY;
        }
    }

    String strings(List<String> values) {
        return write(mapper.valueToTree(values));
    }

    /** A JSON array of strings; empty when absent or not such an array (another module may have written it). */
    List<String> strings(String json) {
        if (json == null || json.isBlank()) {
            return new ArrayList<>();
        }
        try {
            return new ArrayList<>(mapper.readValue(json, STRINGS));
        } catch (JsonProcessingException e) {
            return new ArrayList<>();
        }
    }

    String map(Map<String, String> values) {
        return write(mapper.valueToTree(values));
    }

    String issues(List<ImportIssue> issues) {
        ArrayNode a = mapper.createArrayNode();
        for (ImportIssue i : issues) {
            a.addObject()
                    .put("file_path", i.filePath())
                    .put("error_code", i.code().name())
                    .put("error_message", i.message())
                    .put("severity", i.severity().name())
                    .put("occurred_at", i.at().toString());
        }
        return write(a);
    }

    private static void number(ObjectNode n, String field, Double v) {
        if (v == null || v.isNaN() || v.isInfinite()) {
            n.putNull(field);
        } else {
            n.put(field, v);
        }
    }

    private String write(Object node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
