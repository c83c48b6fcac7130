package io.wkmp.ingest.server.security;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.wkmp.ingest.server.ApiException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses requests that a web page on another site could make through the user's browser: a Host header that
 * is not a loopback name (DNS rebinding), and state-changing requests whose Origin is not this server.
 * Also sets defensive response headers. Stateless and thread-safe.
 */
public final class RequestGuard {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private final Set<String> extraHosts;

    /** @param extraHosts host names also accepted (the bind address when it is not a loopback one) */
    public RequestGuard(Set<String> extraHosts) {
        this.extraHosts = Set.copyOf(extraHosts);
    }

    /** A before-handler: throws 403 FORBIDDEN_HOST / FOREIGN_ORIGIN. */
    public void check(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header(
                "Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; media-src 'self' blob:; "
                        + "object-src 'none'; frame-ancestors 'none'; base-uri 'none'");
        String host = hostName(ctx.header("Host"));
        if (host == null || !allowed(host)) {
            throw new ApiException(403, "FORBIDDEN_HOST", "requests must be addressed to localhost");
        }
        if (SAFE.contains(ctx.method())) {
            return;
        }
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equals("null") && !allowed(hostName(authority(origin)))) {
            throw new ApiException(403, "FOREIGN_ORIGIN", "state-changing requests from another site are refused");
        }
        if (origin != null && origin.equals("null") || "cross-site".equals(ctx.header("Sec-Fetch-Site"))) {
            throw new ApiException(403, "FOREIGN_ORIGIN", "state-changing requests from another site are refused");
        }
    }

    private boolean allowed(String host) {
        return host != null && (LOOPBACK.contains(host) || extraHosts.contains(host));
    }

    private static String authority(String origin) {
        try {
            return URI.create(origin).getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The host part of a Host header or authority, lower-case, without the port. */
    static String hostName(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return null;
        }
        String h = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? null : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }
}
