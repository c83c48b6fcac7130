package io.wkmp.ingest.adapters.http;

import java.nio.charset.StandardCharsets;

/**
 * A finished HTTP exchange, body read and response closed.
 *
 * @param retryAfterSeconds the Retry-After header in seconds, or -1
 */
public record HttpReply(int code, byte[] bytes, long retryAfterSeconds) {
    /** The body as UTF-8 text. */
    public String body() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public boolean ok() {
        return code >= 200 && code < 300;
    }

    /** Worth retrying: 429 and 5xx. */
    boolean transientFailure() {
        return code == 429 || code >= 500;
    }
}
