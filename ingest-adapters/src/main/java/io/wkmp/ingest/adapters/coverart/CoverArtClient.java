package io.wkmp.ingest.adapters.coverart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wkmp.ingest.adapters.http.HttpReply;
import io.wkmp.ingest.adapters.http.ServiceEndpoint;
import io.wkmp.ingest.adapters.http.SingleFlight;
import io.wkmp.ingest.core.error.LookupUnavailableException;
import io.wkmp.ingest.core.port.ResponseCache;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cover Art Archive client for releases without embedded or folder art: {@code GET /release/{mbid}} (the
 * listing is cached, a release without art included), then the front and back images, all under the
 * shared rate limit. Empty when the archive has nothing or cannot be reached. Thread-safe.
 */
public final class CoverArtClient {
    private static final Logger LOG = LoggerFactory.getLogger(CoverArtClient.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String NONE = "{\"images\":[]}";

    private final ServiceEndpoint endpoint;
    private final ResponseCache cache;
    private final SingleFlight<String> inFlight = new SingleFlight<>();

    public CoverArtClient(ServiceEndpoint endpoint, ResponseCache cache) {
        this.endpoint = endpoint;
        this.cache = cache;
    }

    /** Front and back covers of the release, whichever exist. */
    public Optional<ReleaseCovers> covers(String releaseMbid) {
        if (releaseMbid == null || !releaseMbid.matches("[0-9a-fA-F-]{36}")) {
            throw new IllegalArgumentException("not an MBID: " + releaseMbid);
        }
        try {
            JsonNode listing = MAPPER.readTree(listing(releaseMbid));
            Optional<ReleaseCovers.Image> front = image(listing, "front", "Front");
            Optional<ReleaseCovers.Image> back = image(listing, "back", "Back");
            return front.isEmpty() && back.isEmpty() ? Optional.empty() : Optional.of(new ReleaseCovers(front, back));
        } catch (LookupUnavailableException | JsonProcessingException e) {
            LOG.warn("Cover Art Archive unusable for release {}: {}", releaseMbid, e.getMessage());
            return Optional.empty();
        }
    }

    private String listing(String mbid) {
        String key = "caa:" + mbid;
        Optional<String> cached = cache.get(ResponseCache.Kind.MUSICBRAINZ, key);
        if (cached.isPresent()) {
            return cached.get();
        }
        // files of one album ask at the same time: one request for them all
        return inFlight.run(
                key, () -> cache.get(ResponseCache.Kind.MUSICBRAINZ, key).orElseGet(() -> fetchListing(mbid, key)));
    }

    private String fetchListing(String mbid, String key) {
        HttpReply reply = endpoint.get("/release/" + mbid);
        String body = reply.code() == 404 ? NONE : reply.ok() ? reply.body() : null;
        if (body == null) {
            throw new LookupUnavailableException(
                    io.wkmp.ingest.core.error.ErrorCode.NETWORK_ERROR,
                    "Cover Art Archive answered HTTP " + reply.code(),
                    null);
        }
        cache.put(ResponseCache.Kind.MUSICBRAINZ, key, body);
        return body;
    }

    private Optional<ReleaseCovers.Image> image(JsonNode listing, String flag, String type) {
        for (JsonNode img : listing.path("images")) {
            boolean match = img.path(flag).asBoolean(false);
            for (JsonNode t : img.path("types")) {
                match |= type.equals(t.asText());
            }
            String url = img.path("image").asText("");
            if (match && !url.isEmpty()) {
                HttpReply r = endpoint.getAbsolute(url);
                if (r.ok() && r.bytes().length > 0) {
                    return Optional.of(new ReleaseCovers.Image(r.bytes(), extension(url), url));
                }
            }
        }
        return Optional.empty();
    }

    private static String extension(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        String ext = dot < 0 ? "jpg" : lower.substring(dot + 1);
        return ext.matches("jpe?g|png|gif|webp") ? ext.replace("jpeg", "jpg") : "jpg";
    }
}
