package io.wkmp.ingest.server.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.wkmp.ingest.server.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A request's JSON object body, with typed getters that refuse bad input as 400 errors. Immutable. */
final class JsonBody {
    private final JsonNode node;

    private JsonBody(JsonNode node) {
        this.node = node;
    }

    /** The body of {@code ctx}; an empty body reads as {}. */
    static JsonBody of(Context ctx, ObjectMapper json) {
        String text = ctx.body();
        if (text.isBlank()) {
            return new JsonBody(json.createObjectNode());
        }
        try {
            JsonNode n = json.readTree(text);
            if (n == null || !n.isObject()) {
                throw ApiException.badRequest("INVALID_JSON", "the request body must be a JSON object");
            }
            return new JsonBody(n);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(
                    "INVALID_JSON", "the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    boolean has(String field) {
        return node.hasNonNull(field);
    }

    /** A text field, or null when absent. */
    String text(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw ApiException.badRequest("INVALID_FIELD", field + " must be a string");
        }
        return v.asText();
    }

    /** A true/false field, or {@code absent} when absent. */
    boolean bool(String field, boolean absent) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isBoolean()) {
            throw ApiException.badRequest("INVALID_FIELD", field + " must be true or false");
        }
        return v.asBoolean();
    }

    /** A whole-number field, or null when absent. */
    Long number(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw ApiException.badRequest("INVALID_FIELD", field + " must be a whole number");
        }
        return v.asLong();
    }

    /** An object field as key -> text (numbers and booleans as their text), empty when absent. */
    Map<String, String> textMap(String field) {
        JsonNode v = node.get(field);
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isObject()) {
            throw ApiException.badRequest("INVALID_FIELD", field + " must be an object");
        }
        v.properties().forEach(e -> {
            if (!e.getValue().isValueNode()) {
                throw ApiException.badRequest("INVALID_FIELD", field + "." + e.getKey() + " must be a plain value");
            }
            out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }

    /** An array field's elements, empty when absent. */
    java.util.List<JsonBody> objects(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return java.util.List.of();
        }
        if (!v.isArray()) {
            throw ApiException.badRequest("INVALID_FIELD", field + " must be an array");
        }
        java.util.List<JsonBody> out = new java.util.ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isObject()) {
                throw ApiException.badRequest("INVALID_FIELD", field + " must hold objects");
            }
            out.add(new JsonBody(e));
        }
        return out;
    }
}
