package io.wkmp.ingest.adapters.musicbrainz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wkmp.ingest.adapters.http.HttpReply;
import io.wkmp.ingest.adapters.http.ServiceEndpoint;
import io.wkmp.ingest.adapters.http.SingleFlight;
import io.wkmp.ingest.core.catalog.Recording;
import io.wkmp.ingest.core.catalog.Release;
import io.wkmp.ingest.core.catalog.Work;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.LookupUnavailableException;
import io.wkmp.ingest.core.port.MusicBrainzService;
import io.wkmp.ingest.core.port.ResponseCache;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * MusicBrainz ws/2 JSON client: cache first, then one rate-limited request (503 answered with back-off
 * and retry by the shared {@link ServiceEndpoint}). A release lookup brings media, tracks, recordings,
 * artist credits, release group and work relations in one call. Searches page through up to
 * {@code maxHits} results. Concurrent identical requests are coalesced: one goes out, the others share its
 * answer. Thread-safe.
 */
public final class MusicBrainzClient implements MusicBrainzService {
    static final String RELEASE_INC = "recordings+artist-credits+release-groups+media+recording-level-rels+work-rels";
    static final String RECORDING_INC = "artist-credits+releases+work-rels";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ServiceEndpoint endpoint;
    private final ResponseCache cache;
    private final int pageSize;
    private final int maxHits;
    private final SingleFlight<Optional<JsonNode>> inFlight = new SingleFlight<>();

    public MusicBrainzClient(ServiceEndpoint endpoint, ResponseCache cache) {
        this(endpoint, cache, 25, 25);
    }

    /** @param pageSize {@code limit} of one search request (1..100); @param maxHits most hits a search returns */
    public MusicBrainzClient(ServiceEndpoint endpoint, ResponseCache cache, int pageSize, int maxHits) {
        if (pageSize < 1 || pageSize > 100 || maxHits < 1) {
            throw new IllegalArgumentException("page size must be 1..100 and max hits positive");
        }
        this.endpoint = endpoint;
        this.cache = cache;
        this.pageSize = pageSize;
        this.maxHits = maxHits;
    }

    @Override
    public List<SearchHit> searchRecordings(String artist, String title, long durationMs) {
        StringBuilder q = new StringBuilder();
        term(q, "recording", title);
        term(q, "artist", artist);
        if (durationMs > 0) {
            q.append(q.length() == 0 ? "" : " AND ")
                    .append("dur:[")
                    .append(Math.max(0, durationMs - 10_000))
                    .append(" TO ")
                    .append(durationMs + 10_000)
                    .append(']');
        }
        return search("recording", q.toString(), "recordings", MusicBrainzJson::recordingHit);
    }

    @Override
    public List<SearchHit> searchReleases(String artist, String release, int trackCount) {
        StringBuilder q = new StringBuilder();
        term(q, "release", release);
        term(q, "artist", artist);
        if (trackCount > 0) {
            q.append(q.length() == 0 ? "" : " AND ").append("tracks:").append(trackCount);
        }
        return search("release", q.toString(), "releases", MusicBrainzJson::releaseHit);
    }

    @Override
    public Optional<Release> lookupRelease(String releaseMbid) {
        return lookup("release", releaseMbid, RELEASE_INC).map(MusicBrainzJson::release);
    }

    @Override
    public Optional<Recording> lookupRecording(String recordingMbid) {
        return lookup("recording", recordingMbid, RECORDING_INC).map(MusicBrainzJson::recording);
    }

    /** A work (title), for a performance relation whose work is not fully described. */
    public Optional<Work> lookupWork(String workMbid) {
        return lookup("work", workMbid, "")
                .map(w -> new Work(w.path("id").asText(), w.path("title").asText(null)));
    }

    private Optional<JsonNode> lookup(String entity, String mbid, String inc) {
        if (mbid == null || !mbid.matches("[0-9a-fA-F-]{36}")) {
            throw new IllegalArgumentException("not an MBID: " + mbid);
        }
        String path = "/" + entity + "/" + mbid + "?fmt=json" + (inc.isEmpty() ? "" : "&inc=" + inc);
        return fetch(entity + ":" + mbid + (inc.isEmpty() ? "" : "?" + inc), path);
    }

    private List<SearchHit> search(String entity, String query, String listField, Function<JsonNode, SearchHit> hit) {
        List<SearchHit> hits = new ArrayList<>();
        if (query.isEmpty()) {
            return hits;
        }
        int offset = 0;
        while (hits.size() < maxHits) {
            int limit = Math.min(pageSize, maxHits - hits.size());
            String path = "/" + entity + "?fmt=json&limit=" + limit + "&offset=" + offset + "&query="
                    + URLEncoder.encode(query, StandardCharsets.UTF_8);
            Optional<JsonNode> page = fetch("search-" + entity + ":" + limit + ":" + offset + ":" + query, path);
            if (page.isEmpty()) {
                break;
            }
            JsonNode list = page.get().path(listField);
            list.forEach(n -> hits.add(hit.apply(n)));
            offset += list.size();
            if (list.size() < limit || offset >= page.get().path("count").asInt(0)) {
                break;
            }
        }
        return hits;
    }

    /**
     * Cache, else one request per cache key at a time: a caller asking for what another caller is already
     * fetching (two workers wanting the same release) waits for that answer instead of sending a second request.
     */
    private Optional<JsonNode> fetch(String cacheKey, String path) {
        Optional<JsonNode> cached = cached(cacheKey);
        if (cached.isPresent()) {
            return cached;
        }
        return inFlight.run(cacheKey, () -> cached(cacheKey).or(() -> request(cacheKey, path)));
    }

    private Optional<JsonNode> cached(String cacheKey) {
        return cache.get(ResponseCache.Kind.MUSICBRAINZ, cacheKey).map(c -> parse(c, "cache entry " + cacheKey));
    }

    /** One request; a 404 is an empty answer (not cached), any other failure a {@link LookupUnavailableException}. */
    private Optional<JsonNode> request(String cacheKey, String path) {
        HttpReply reply = endpoint.get(path);
        if (reply.code() == 404) {
            return Optional.empty();
        }
        if (!reply.ok()) {
            throw new LookupUnavailableException(
                    ErrorCode.MBID_LOOKUP_FAILED,
                    "MusicBrainz answered HTTP " + reply.code() + " for " + path.split("\\?")[0],
                    null);
        }
        JsonNode node = parse(reply.body(), "reply to " + path.split("\\?")[0]);
        cache.put(ResponseCache.Kind.MUSICBRAINZ, cacheKey, reply.body());
        return Optional.of(node);
    }

    private static JsonNode parse(String body, String what) {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new LookupUnavailableException(
                    ErrorCode.MBID_LOOKUP_FAILED, "MusicBrainz " + what + " is malformed JSON", e);
        }
    }

    private static void term(StringBuilder q, String field, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        q.append(q.length() == 0 ? "" : " AND ")
                .append(field)
                .append(":\"")
                .append(value.trim().replace("\\", "\\\\").replace("\"", "\\\""))
                .append('"');
    }
}
