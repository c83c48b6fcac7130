package io.wkmp.ingest.adapters.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The structure of a JSON document: every path with the type found there ({@code fingerprints[].index: integer}),
 * array elements under {@code []}. Two replies have the same shape when they use the same fields with the same types,
 * whatever their values.
 */
final class JsonShape {
    private JsonShape() {}

    /** The shape of {@code node}, paths relative to it. */
    static Set<String> of(JsonNode node) {
        Set<String> out = new TreeSet<>();
        walk(node, "", out);
        return out;
    }

    /** The shape of every element of the arrays at {@code path} (e.g. "fingerprints[].results"), relative to them. */
    static Set<String> ofElements(JsonNode root, String... path) {
        Set<String> out = new TreeSet<>();
        collect(root, path, 0, out);
        return out;
    }

    private static void collect(JsonNode node, String[] path, int at, Set<String> out) {
        if (at == path.length) {
            node.forEach(e -> walk(e, "", out));
            return;
        }
        String step = path[at];
        if (step.endsWith("[]")) {
            node.path(step.substring(0, step.length() - 2)).forEach(e -> collect(e, path, at + 1, out));
        } else {
            collect(node.path(step), path, at + 1, out);
        }
    }

    private static void walk(JsonNode node, String path, Set<String> out) {
        out.add((path.isEmpty() ? "." : path) + ": " + type(node));
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> f : node.properties()) {
                walk(f.getValue(), path + "." + f.getKey(), out);
            }
        } else if (node.isArray()) {
            node.forEach(e -> walk(e, path + "[]", out));
        }
    }

    private static String type(JsonNode n) {
        if (n.isObject()) {
            return "object";
        }
        if (n.isArray()) {
            return "array";
        }
        if (n.isIntegralNumber()) {
            return "integer";
        }
        if (n.isNumber()) {
            return "float";
        }
        if (n.isTextual()) {
            return "string";
        }
        if (n.isBoolean()) {
            return "boolean";
        }
        return "null";
    }
}
