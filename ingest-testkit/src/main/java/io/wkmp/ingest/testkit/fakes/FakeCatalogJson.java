package io.wkmp.ingest.testkit.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link FakeCatalog} as a JSON file, so a catalogue built by one program (a benchmark's library builder) can
 * be served by another ({@link FakeServicesMain}). The shape, every id a string:
 *
 * <pre>{@code
 * {"artists":    [{"id": "..", "name": ".."}],
 *  "works":      [{"id": "..", "title": ".."}],
 *  "recordings": [{"id": "..", "title": "..", "length_ms": 215000, "artist": "<artist id>", "work": "<work id>|null",
 *                  "fingerprint": "<compressed base64, as fpcalc prints it>|null (AcoustID does not know it)",
 *                  "high_level": {"mood_happy": {"happy": 0.8, "not_happy": 0.2}}}],
 *  "releases":   [{"id": "..", "title": "..", "date": "2006", "artist": "<artist id>",
 *                  "media": [["<recording id>", ...], ...]}]}
 * }</pre>
 *
 * Entities are declared before they are referred to (artists and works, then recordings, then releases); an
 * unknown reference is an error naming it. Stateless.
 */
public final class FakeCatalogJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private FakeCatalogJson() {}

    /** Reads a catalogue file. */
    public static FakeCatalog read(Path file) {
        try {
            return parse(MAPPER.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read catalogue " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("catalogue " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a catalogue from its JSON text. */
    public static FakeCatalog parse(String json) {
        try {
            return parse(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("catalogue is not JSON: " + e.getMessage(), e);
        }
    }

    /** Writes {@code catalog} to {@code file} (fingerprints compressed, algorithm 1 as fpcalc's). */
    public static void write(FakeCatalog catalog, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            MAPPER.writeValue(file.toFile(), toJson(catalog));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write catalogue " + file + ": " + e.getMessage(), e);
        }
    }

    static ObjectNode toJson(FakeCatalog catalog) {
        // sorted by id: the catalogue's maps have no stable order, the file should
        Map<String, FakeCatalog.Artist> artists = new TreeMap<>();
        Map<String, FakeCatalog.Work> works = new TreeMap<>();
        List<FakeCatalog.Recording> recordings = new ArrayList<>(catalog.recordings());
        recordings.sort(Comparator.comparing(FakeCatalog.Recording::id));
        for (FakeCatalog.Recording r : recordings) {
            r.artists().forEach(a -> artists.putIfAbsent(a.id(), a));
            r.works().forEach(w -> works.putIfAbsent(w.id(), w));
        }
        catalog.releases().forEach(r -> artists.putIfAbsent(r.artist().id(), r.artist()));
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode a = root.putArray("artists");
        artists.values().forEach(x -> a.addObject().put("id", x.id()).put("name", x.name()));
        ArrayNode w = root.putArray("works");
        works.values().forEach(x -> w.addObject().put("id", x.id()).put("title", x.title()));
        ArrayNode recs = root.putArray("recordings");
        for (FakeCatalog.Recording r : recordings) {
            if (r.artists().size() != 1 || r.works().size() > 1) {
                throw new IllegalArgumentException(
                        "recording " + r.id() + ": the JSON form holds one artist and at" + " most one work");
            }
            ObjectNode o = recs.addObject()
                    .put("id", r.id())
                    .put("title", r.title())
                    .put("length_ms", r.lengthMs())
                    .put("artist", r.artists().get(0).id());
            o.put("work", r.works().isEmpty() ? null : r.works().get(0).id());
            o.put("fingerprint", r.fingerprint().length == 0 ? null : ChromaprintCodec.encode(r.fingerprint(), 1));
            o.set("high_level", MAPPER.valueToTree(r.highLevel()));
        }
        ArrayNode rels = root.putArray("releases");
        for (FakeCatalog.Release r : catalog.releases()) {
            ObjectNode o = rels.addObject()
                    .put("id", r.id())
                    .put("title", r.title())
                    .put("date", r.date())
                    .put("artist", r.artist().id());
            ArrayNode media = o.putArray("media");
            for (FakeCatalog.Medium m : r.media()) {
                ArrayNode tracks = media.addArray();
                m.recordings().forEach(x -> tracks.add(x.id()));
            }
        }
        return root;
    }

    private static FakeCatalog parse(JsonNode root) {
        if (!root.isObject()) {
            throw new IllegalArgumentException("a catalogue is a JSON object");
        }
        FakeCatalog.Builder b = FakeCatalog.builder();
        for (JsonNode a : array(root, "artists")) {
            b.artist(text(a, "id"), text(a, "name"));
        }
        for (JsonNode w : array(root, "works")) {
            b.work(text(w, "id"), text(w, "title"));
        }
        for (JsonNode r : array(root, "recordings")) {
            String fp = optionalText(r, "fingerprint");
            Map<String, Map<String, Double>> high = new LinkedHashMap<>();
            r.path("high_level").properties().forEach(model -> {
                Map<String, Double> classes = new LinkedHashMap<>();
                model.getValue()
                        .properties()
                        .forEach(c -> classes.put(c.getKey(), c.getValue().asDouble()));
                high.put(model.getKey(), classes);
            });
            if (!r.path("length_ms").canConvertToLong()) {
                throw new IllegalArgumentException("recording " + text(r, "id") + " lacks length_ms");
            }
            b.recording(
                    text(r, "id"),
                    text(r, "title"),
                    r.path("length_ms").asLong(),
                    text(r, "artist"),
                    optionalText(r, "work"),
                    fp == null ? new int[0] : ChromaprintCodec.decode(fp),
                    high);
        }
        for (JsonNode r : array(root, "releases")) {
            List<List<String>> media = new ArrayList<>();
            for (JsonNode m : array(r, "media")) {
                List<String> ids = new ArrayList<>();
                m.forEach(id -> ids.add(id.asText()));
                media.add(ids);
            }
            b.release(text(r, "id"), text(r, "title"), optionalText(r, "date"), text(r, "artist"), media);
        }
        return b.build();
    }

    private static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode a = node.path(field);
        if (a.isMissingNode() || a.isNull()) {
            return List.of();
        }
        if (!a.isArray()) {
            throw new IllegalArgumentException("\"" + field + "\" must be an array");
        }
        return a;
    }

    private static String text(JsonNode node, String field) {
        String s = optionalText(node, field);
        if (s == null) {
            throw new IllegalArgumentException("missing \"" + field + "\" in " + node);
        }
        return s;
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }
}
