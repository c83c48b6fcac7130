package io.wkmp.ingest.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wkmp.ingest.core.port.ImportSession;
import io.wkmp.ingest.core.session.SessionState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import okhttp3.Response;

/** Reading test responses. */
final class HttpSupport {
    static final ObjectMapper JSON = new ObjectMapper();

    private HttpSupport() {}

    /** Status and parsed body of a response (closed). */
    record Reply(int status, JsonNode body, String text, String contentType) {
        String errorCode() {
            return body.path("error").path("code").asText();
        }

        String errorMessage() {
            return body.path("error").path("message").asText();
        }
    }

    static Reply reply(Response r) {
        try (r) {
            String text = r.body().string();
            JsonNode node = text.isEmpty() ? JSON.nullNode() : parse(text);
            return new Reply(r.code(), node, text, r.header("Content-Type"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    static SessionState waitFor(ImportSession s, Predicate<SessionState> until) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            SessionState st = s.status().state();
            if (until.test(st)) {
                return st;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("session stayed " + s.status().state());
    }
}
