package io.wkmp.ingest.adapters.acoustid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.wkmp.ingest.adapters.http.HttpReply;
import io.wkmp.ingest.adapters.http.ServiceEndpoint;
import io.wkmp.ingest.core.engine.LiveWorkers;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.LookupUnavailableException;
import io.wkmp.ingest.core.port.AcoustIdMatch;
import io.wkmp.ingest.core.port.AcoustIdService;
import io.wkmp.ingest.core.port.FingerprintQuery;
import io.wkmp.ingest.core.port.ResponseCache;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AcoustID {@code /v2/lookup} client: cache first (key = SHA-256 of the fingerprint and the duration), then
 * the misses through the {@link LookupQueue} every worker shares, which sends them with other files' in batches of
 * at most {@value #BATCH} ({@code batch=1}, {@code fingerprint.N}/{@code duration.N}), asking for recordings,
 * release groups, releases and tracks. The key is never logged nor shown by toString. Thread-safe; the rate limit
 * lives in the shared {@link ServiceEndpoint}. Create one per key and share it.
 */
public final class AcoustIdClient implements AcoustIdService {
    /** The service's per-request fingerprint limit. */
    public static final int BATCH = AcoustIdService.MAX_BATCH;

    static final String META = "recordings releasegroups releases tracks";
    private static final int CODE_INVALID_FINGERPRINT = 3;
    private static final int CODE_INVALID_KEY = 4;

    private final ServiceEndpoint endpoint;
    private final ResponseCache cache;
    private final String apiKey;
    private final LiveWorkers workers;
    private final Duration maxWait;
    private final LookupQueue queue;

    /** A client whose lookups are sent at once (no other worker's to wait for). */
    public AcoustIdClient(ServiceEndpoint endpoint, ResponseCache cache, String apiKey) {
        this(endpoint, cache, apiKey, new LiveWorkers(), Duration.ZERO);
    }

    /**
     * @param workers the engine's workers: the queue sends what it holds once none of them could add more
     * @param maxWait longest wait for a batch to fill (0: each caller's fingerprints are sent at once)
     */
    public AcoustIdClient(
            ServiceEndpoint endpoint, ResponseCache cache, String apiKey, LiveWorkers workers, Duration maxWait) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("an AcoustID application key is required");
        }
        this.endpoint = endpoint;
        this.cache = cache;
        this.apiKey = apiKey.trim();
        this.workers = workers;
        this.maxWait = maxWait;
        this.queue = new LookupQueue(this::send, workers, maxWait);
    }

    /** The same client (endpoint, limiter, cache, workers) with another key, e.g. after the user entered one. */
    public AcoustIdClient withApiKey(String key) {
        return new AcoustIdClient(endpoint, cache, key, workers, maxWait);
    }

    @Override
    public List<List<AcoustIdMatch>> lookup(List<FingerprintQuery> queries) {
        List<List<AcoustIdMatch>> answers = new ArrayList<>(queries.size());
        List<Integer> misses = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            Optional<String> cached = cache.get(ResponseCache.Kind.ACOUSTID, cacheKey(queries.get(i)));
            answers.add(cached.map(AcoustIdClient::fromCache).orElse(null));
            if (cached.isEmpty()) {
                misses.add(i);
            }
        }
        List<JsonNode> results = queue.lookup(misses.stream().map(queries::get).toList());
        for (int j = 0; j < misses.size(); j++) {
            if (results.get(j).isMissingNode()) {
                throw new LookupUnavailableException(
                        ErrorCode.ACOUSTID_LOOKUP_FAILED,
                        "AcoustID could not read the fingerprint of passage " + (misses.get(j) + 1)
                                + " (error code 3: invalid fingerprint)",
                        null);
            }
            answers.set(misses.get(j), AcoustIdJson.matches(results.get(j)));
        }
        return answers;
    }

    /**
     * One request for {@code batch} (at most {@value #BATCH}): the results of each fingerprint in order, cached. The
     * service leaves a fingerprint it cannot read out of a batch reply (and answers error 3 only when it can read
     * none), so that only the file owning it goes without an answer: its place holds a missing node.
     */
    private List<JsonNode> send(List<FingerprintQuery> batch) {
        Map<Integer, JsonNode> results;
        try {
            results = request(batch);
        } catch (InvalidFingerprintException e) {
            results = Map.of();
        }
        List<JsonNode> out = new ArrayList<>(batch.size());
        for (int j = 0; j < batch.size(); j++) {
            JsonNode r = results.get(j);
            if (r == null) {
                out.add(MissingNode.getInstance());
                continue;
            }
            cache.put(ResponseCache.Kind.ACOUSTID, cacheKey(batch.get(j)), r.toString());
            out.add(r);
        }
        return out;
    }

    /** Asks the service whether {@code key} is a valid application key, with a deliberately invalid fingerprint. */
    public static KeyStatus validate(ServiceEndpoint endpoint, String key) {
        if (key == null || key.isBlank()) {
            return KeyStatus.INVALID;
        }
        try {
            HttpReply reply = endpoint.postForm(
                    "/lookup", Map.of("client", key.trim(), "duration", "1", "fingerprint", "INVALID"));
            Optional<Integer> code = AcoustIdJson.errorCode(AcoustIdJson.parse(reply.body()));
            return code.isEmpty() || code.get() == CODE_INVALID_FINGERPRINT ? KeyStatus.VALID : KeyStatus.INVALID;
        } catch (LookupUnavailableException | JsonProcessingException e) {
            return KeyStatus.UNREACHABLE;
        }
    }

    /** The outcome of {@link #validate}. */
    public enum KeyStatus {
        VALID,
        INVALID,
        UNREACHABLE
    }

    @Override
    public String toString() {
        return "AcoustIdClient[" + endpoint.baseUrl() + ", key set]";
    }

    private Map<Integer, JsonNode> request(List<FingerprintQuery> chunk) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client", apiKey);
        form.put("format", "json");
        form.put("meta", META);
        form.put("batch", "1");
        for (int i = 0; i < chunk.size(); i++) {
            form.put("duration." + i, Integer.toString(chunk.get(i).durationSeconds()));
            form.put("fingerprint." + i, chunk.get(i).fingerprint());
        }
        HttpReply reply = endpoint.postForm("/lookup", form);
        JsonNode root;
        try {
            root = AcoustIdJson.parse(reply.body());
        } catch (JsonProcessingException e) {
            throw malformed("HTTP " + reply.code() + " with malformed JSON", e);
        }
        Optional<Integer> code = AcoustIdJson.errorCode(root);
        if (code.isPresent()) {
            String message = root.path("error").path("message").asText("");
            if (code.get() == CODE_INVALID_KEY) {
                throw new InvalidApiKeyException("AcoustID refused the API key (code 4: " + message + ")");
            }
            if (code.get() == CODE_INVALID_FINGERPRINT) {
                throw new InvalidFingerprintException("AcoustID error code 3: " + message);
            }
            throw new LookupUnavailableException(
                    ErrorCode.ACOUSTID_LOOKUP_FAILED, "AcoustID error code " + code.get() + ": " + message, null);
        }
        if (!reply.ok()) {
            throw malformed("HTTP " + reply.code() + " without an AcoustID error", null);
        }
        try {
            return AcoustIdJson.batchResults(root);
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage(), e);
        }
    }

    /** The service called a fingerprint of the request invalid (code 3). */
    private static final class InvalidFingerprintException extends LookupUnavailableException {
        InvalidFingerprintException(String message) {
            super(ErrorCode.ACOUSTID_LOOKUP_FAILED, message, null);
        }
    }

    private static List<AcoustIdMatch> fromCache(String json) {
        try {
            return AcoustIdJson.matches(AcoustIdJson.parse(json));
        } catch (JsonProcessingException e) {
            throw malformed("unreadable cache entry", e);
        }
    }

    private static LookupUnavailableException malformed(String what, Throwable cause) {
        return new LookupUnavailableException(
                ErrorCode.ACOUSTID_LOOKUP_FAILED, "AcoustID reply unusable: " + what, cause);
    }

    static String cacheKey(FingerprintQuery q) {
        try {
            byte[] d =
                    MessageDigest.getInstance("SHA-256").digest(q.fingerprint().getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(d) + ":" + q.durationSeconds();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
