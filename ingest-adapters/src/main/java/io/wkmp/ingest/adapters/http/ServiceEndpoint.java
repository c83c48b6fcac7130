package io.wkmp.ingest.adapters.http;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.Policy;
import dev.failsafe.RetryPolicy;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.LookupUnavailableException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One outside service: base URL, the rate limiter every caller shares, and retries: 429 and 5xx up to
 * {@code maxRetries} times (Retry-After honoured, else exponential back-off), a refused or reset connection once,
 * a timeout never (waiting a second time for a service that did not answer only doubles the wait). The limiter
 * sits inside the retries, so retries take permits too and no request ever exceeds the rate. The limit is a
 * {@link RequestGate} measured at the moment each request is sent (the shared client from {@link HttpSetup}
 * reports it).
 *
 * <p>A service that cannot be reached at the network level (after that retry) is found dead once: a circuit
 * breaker opens and every call for the next {@link #NOT_ASKED_AGAIN} fails at once with the same message
 * ("AcoustID did not answer within 30 s (timeout at URL); not asked again for 5 min"), so the import leaves the
 * rest PENDING instead of waiting a timeout per passage, and a summary can say what happened once. After that
 * time one call tries the service again. {@link #newRun} forgets a dead service (a new import asks again).
 * Thread-safe: create one per service and share it.
 */
public final class ServiceEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceEndpoint.class);

    private final String name;
    private final OkHttpClient client;
    private final String baseUrl;
    private final String userAgent;
    private final ErrorCode failureCode;
    /** How long a service found dead is not asked again; then one call tries it. */
    public static final Duration NOT_ASKED_AGAIN = Duration.ofMinutes(5);

    private final FailsafeExecutor<HttpReply> executor;
    private final RequestGate gate;
    private final CircuitBreaker<HttpReply> dead;
    /** Why the breaker opened, as every call reports it while it stays open. */
    private final AtomicReference<String> deadReason = new AtomicReference<>();

    /**
     * @param minIntervalMs least time between two requests (0 = unlimited, e.g. a local mirror)
     * @param maxRetries retries after the first attempt
     * @param backoff first retry delay when the service names none; doubles up to 16 x
     * @param failureCode the code of the {@link LookupUnavailableException} thrown when retries run out
     */
    public ServiceEndpoint(
            String name,
            OkHttpClient client,
            String baseUrl,
            String userAgent,
            long minIntervalMs,
            int maxRetries,
            Duration backoff,
            ErrorCode failureCode) {
        this.name = name;
        this.client = client;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.userAgent = userAgent;
        this.failureCode = failureCode;
        RetryPolicy<HttpReply> busy = RetryPolicy.<HttpReply>builder()
                .handleIf((HttpReply reply, Throwable failure) ->
                        failure == null && reply != null && reply.transientFailure())
                .withMaxRetries(maxRetries)
                .withDelayFn(ctx -> {
                    HttpReply last = ctx.getLastResult();
                    if (last != null && last.retryAfterSeconds() >= 0) {
                        return Duration.ofSeconds(last.retryAfterSeconds());
                    }
                    return backoff.multipliedBy(1L << Math.min(4, Math.max(0, ctx.getAttemptCount() - 1)));
                })
                .onRetry(e -> LOG.debug(
                        "{}: retry {} after HTTP {}",
                        name,
                        e.getAttemptCount(),
                        e.getLastResult().code()))
                .build();
        RetryPolicy<HttpReply> unreachable = RetryPolicy.<HttpReply>builder()
                .handleIf((HttpReply reply, Throwable failure) -> failure instanceof UncheckedIOException
                        && !(failure.getCause() instanceof InterruptedIOException))
                .withMaxRetries(Math.min(1, maxRetries))
                .withDelay(backoff)
                .onRetry(e -> LOG.debug("{}: retry after {}", name, String.valueOf(e.getLastException())))
                .build();
        this.dead = CircuitBreaker.<HttpReply>builder()
                .handle(UncheckedIOException.class)
                .withFailureThreshold(1)
                .withDelay(NOT_ASKED_AGAIN)
                .onClose(e -> deadReason.set(null))
                .build();
        List<Policy<HttpReply>> policies = new ArrayList<>();
        policies.add(dead); // outermost: it sees a call's outcome after the retries
        policies.add(unreachable);
        policies.add(busy);
        this.gate =
                minIntervalMs > 0 ? new RequestGate(Duration.ofMillis(minIntervalMs), Duration.ofMinutes(10)) : null;
        this.executor = Failsafe.with(policies);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Forgets that the service was found dead: the next call asks it again. Call at the start of an import. */
    public void newRun() {
        dead.close();
    }

    /** GET {@code baseUrl + pathAndQuery}; the reply of the last attempt (2xx or a non-transient 4xx). */
    public HttpReply get(String pathAndQuery) {
        return execute(new Request.Builder().url(baseUrl + pathAndQuery).header("Accept", "application/json"));
    }

    /** GET an absolute URL (e.g. an image the service links to), under the same rate limit and retries. */
    public HttpReply getAbsolute(String url) {
        return execute(new Request.Builder().url(url));
    }

    /** POST a form to {@code baseUrl + path}. Values are never logged. */
    public HttpReply postForm(String path, Map<String, String> form) {
        FormBody.Builder body = new FormBody.Builder();
        form.forEach(body::add);
        return execute(
                new Request.Builder().url(baseUrl + path).post(body.build()).header("Accept", "application/json"));
    }

    private HttpReply execute(Request.Builder builder) {
        Request request = builder.header("User-Agent", userAgent).build();
        HttpReply reply;
        try {
            reply = executor.get(() -> once(request));
        } catch (CircuitBreakerOpenException e) {
            String why = deadReason.get();
            throw new LookupUnavailableException(
                    failureCode, why != null ? why : name + " was found unreachable; not asked again for now", e);
        } catch (UncheckedIOException e) {
            // the breaker is open now: this message is the one every call repeats while it stays open
            deadReason.compareAndSet(
                    null, describe(e.getCause()) + "; not asked again for " + minutes(NOT_ASKED_AGAIN));
            throw new LookupUnavailableException(failureCode, deadReason.get(), e.getCause());
        } catch (IllegalStateException e) {
            throw new LookupUnavailableException(failureCode, name + ": " + e.getMessage(), e);
        } catch (FailsafeException e) {
            throw new LookupUnavailableException(failureCode, name + " failed: " + e.getMessage(), e);
        }
        if (reply.transientFailure()) {
            throw new LookupUnavailableException(
                    failureCode, name + " answered HTTP " + reply.code() + " after retries", null);
        }
        return reply;
    }

    private HttpReply once(Request request) throws InterruptedException {
        RequestGate.Ticket ticket = gate == null ? null : gate.acquire();
        try (Response response = client.newCall(request.newBuilder()
                        .tag(RequestGate.Ticket.class, ticket)
                        .build())
                .execute()) {
            ResponseBody body = response.body();
            byte[] bytes = body == null ? new byte[0] : body.bytes();
            return new HttpReply(response.code(), bytes, retryAfter(response.header("Retry-After")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (ticket != null) {
                ticket.done();
            }
        }
    }

    /** "AcoustID did not answer within 30 s (timeout at URL)" or "AcoustID unreachable (URL: Connection refused)". */
    private String describe(IOException e) {
        if (e instanceof InterruptedIOException) {
            long ms = client.callTimeoutMillis() > 0 ? client.callTimeoutMillis() : client.readTimeoutMillis();
            String within = ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
            return name + " did not answer within " + within + " (timeout at " + baseUrl + ")";
        }
        return name + " unreachable (" + baseUrl + ": " + e.getMessage() + ")";
    }

    private static String minutes(Duration d) {
        return d.toMinutes() + " min";
    }

    private static long retryAfter(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Math.max(0, Math.min(60, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
