package io.wkmp.ingest.adapters.acousticbrainz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wkmp.ingest.adapters.flavor.EssentiaJson;
import io.wkmp.ingest.adapters.http.HttpReply;
import io.wkmp.ingest.adapters.http.ServiceEndpoint;
import io.wkmp.ingest.adapters.http.SingleFlight;
import io.wkmp.ingest.core.error.LookupUnavailableException;
import io.wkmp.ingest.core.flavor.Flavor;
import io.wkmp.ingest.core.port.FlavorSource;
import io.wkmp.ingest.core.port.ResponseCache;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AcousticBrainz high-level data as a {@link FlavorSource}. The service stopped taking data in 2022, so a
 * miss is normal: the answer (document or "no data") is cached for good, and after a network failure,
 * timeout or malformed reply the service is left alone for {@link #QUIET_PERIOD} so the next flavour source
 * takes over without slowing the import. {@link #prefetch} asks for up to {@value #BULK} recordings at once.
 * Thread-safe.
 */
public final class AcousticBrainzClient implements FlavorSource {
    private final SingleFlight<Boolean> inFlight = new SingleFlight<>();

    /** Bulk request limit of the service. */
    public static final int BULK = 25;

    static final Duration QUIET_PERIOD = Duration.ofMinutes(10);
    static final String NO_DATA = "{}";
    private static final Logger LOG = LoggerFactory.getLogger(AcousticBrainzClient.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ServiceEndpoint endpoint;
    private final ResponseCache cache;
    private volatile long quietUntilNanos = Long.MIN_VALUE;

    public AcousticBrainzClient(ServiceEndpoint endpoint, ResponseCache cache) {
        this.endpoint = endpoint;
        this.cache = cache;
    }

    @Override
    public Optional<Flavor> flavorOf(String recordingMbid, Path file, long startTicks, long endTicks) {
        if (recordingMbid == null) {
            return Optional.empty();
        }
        if (cache.get(ResponseCache.Kind.ACOUSTICBRAINZ, recordingMbid).isEmpty()) {
            prefetch(List.of(recordingMbid));
        }
        return cache.get(ResponseCache.Kind.ACOUSTICBRAINZ, recordingMbid).flatMap(AcousticBrainzClient::toFlavor);
    }

    /** Fetches and caches the documents of the recordings not cached yet, {@value #BULK} a request. */
    @Override
    public void prefetch(List<String> recordingMbids) {
        List<String> missing = new ArrayList<>();
        for (String id : recordingMbids) {
            if (cache.get(ResponseCache.Kind.ACOUSTICBRAINZ, id).isEmpty() && !missing.contains(id)) {
                missing.add(id);
            }
        }
        for (int from = 0; from < missing.size() && !quiet(); from += BULK) {
            List<String> chunk = missing.subList(from, Math.min(missing.size(), from + BULK));
            try {
                // files of one album prefetch the same recordings at the same time: one request for them all
                inFlight.run(String.join(";", chunk), () -> fetch(chunk));
            } catch (LookupUnavailableException e) {
                quietUntilNanos = System.nanoTime() + QUIET_PERIOD.toNanos();
                LOG.warn(
                        "AcousticBrainz unavailable, using other flavour sources for {} min: {}",
                        QUIET_PERIOD.toMinutes(),
                        e.getMessage());
                return;
            }
        }
    }

    /** One bulk request for those of {@code chunk} still not cached; their documents (or "no data") cached. */
    private boolean fetch(List<String> chunk) {
        List<String> still = chunk.stream()
                .filter(id -> cache.get(ResponseCache.Kind.ACOUSTICBRAINZ, id).isEmpty())
                .toList();
        if (still.isEmpty()) {
            return true;
        }
        HttpReply reply = endpoint.get("/high-level?recording_ids=" + String.join(";", still));
        if (!reply.ok()) {
            throw new LookupUnavailableException(
                    io.wkmp.ingest.core.error.ErrorCode.FLAVOR_UNAVAILABLE,
                    "AcousticBrainz answered HTTP " + reply.code(),
                    null);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(reply.body());
        } catch (JsonProcessingException e) {
            throw new LookupUnavailableException(
                    io.wkmp.ingest.core.error.ErrorCode.FLAVOR_UNAVAILABLE,
                    "AcousticBrainz reply unreadable: " + e.getOriginalMessage(),
                    e);
        }
        for (String id : still) {
            JsonNode doc = root.path(id).path("0");
            cache.put(ResponseCache.Kind.ACOUSTICBRAINZ, id, doc.isObject() ? doc.toString() : NO_DATA);
        }
        return true;
    }

    private boolean quiet() {
        return quietUntilNanos != Long.MIN_VALUE && System.nanoTime() < quietUntilNanos;
    }

    private static Optional<Flavor> toFlavor(String json) {
        try {
            Map<String, Double> values = EssentiaJson.values(MAPPER.readTree(json));
            return values.isEmpty() ? Optional.empty() : Optional.of(new Flavor("AcousticBrainz", values));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
