package io.wkmp.ingest.adapters.flavor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads Essentia extractor JSON (the AcousticBrainz documents are its output) into flavor values:
 * high-level classifiers as {@code model.class} probabilities, and a few low-level scalars when present.
 * Stateless.
 */
public final class EssentiaJson {
    private static final String[][] SCALARS = {
        {"rhythm", "bpm", "bpm"},
        {"rhythm", "onset_rate", "onset_rate"},
        {"rhythm", "danceability", "danceability"},
        {"lowlevel", "average_loudness", "average_loudness"},
        {"lowlevel", "dynamic_complexity", "dynamic_complexity"},
        {"tonal", "key_strength", "key_strength"},
    };

    private EssentiaJson() {}

    /** The values of one extractor document; empty when it holds none. */
    public static Map<String, Double> values(JsonNode doc) {
        Map<String, Double> out = new LinkedHashMap<>();
        JsonNode high = doc.path("highlevel");
        for (Map.Entry<String, JsonNode> model : high.properties()) {
            model.getValue().path("all").properties().forEach(c -> {
                if (c.getValue().isNumber()) {
                    out.put(model.getKey() + "." + c.getKey(), c.getValue().asDouble());
                }
            });
        }
        for (String[] s : SCALARS) {
            JsonNode v = doc.path(s[0]).path(s[1]);
            if (v.isNumber()) {
                out.put(s[2], v.asDouble());
            }
        }
        JsonNode centroid = doc.path("lowlevel").path("spectral_centroid").path("mean");
        if (centroid.isNumber()) {
            out.put("spectral_centroid_hz", centroid.asDouble());
        }
        return out;
    }
}
