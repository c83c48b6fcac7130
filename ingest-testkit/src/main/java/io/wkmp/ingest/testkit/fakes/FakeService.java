package io.wkmp.ingest.testkit.fakes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * Common machinery of the fake services: a Javalin server on 127.0.0.1 and a free port, request counters
 * per endpoint, the service's rate limit and {@link Faults}. The rate is checked like a real limiter
 * (generic cell rate algorithm) on the time the request headers arrived: each accepted request books the
 * next slot one interval later; a request arriving more than one interval before its slot is a violation,
 * counted and refused the way the real service refuses it. So a client that keeps the average rate passes
 * however late or early the network delivers single requests (up to a whole interval, far above scheduling
 * noise), and the third request of a burst is caught, as is a client at twice the rate by its fourth request;
 * the real services, which count requests per second, are about as lenient. Tests of the check itself give the
 * fake a clock of their own ({@link #timeSource}).
 */
public abstract class FakeService implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Javalin app;
    private final long minIntervalMs;
    private final Faults faults = new Faults();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final AtomicInteger violations = new AtomicInteger();
    private final Object rateLock = new Object();
    private long nextSlotNanos = Long.MIN_VALUE;
    private volatile LongSupplier clock;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile String lastUserAgent;
    private final java.util.List<String> violationDetails = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** @param minIntervalMs least time between two requests the real service tolerates (0 = no limit) */
    protected FakeService(long minIntervalMs) {
        this.minIntervalMs = minIntervalMs;
        this.app = Javalin.create(config -> {
                    config.startup.showJavalinBanner = false;
                    routes(config);
                })
                .start("127.0.0.1", 0);
    }

    /** Declares the service's routes; wrap each handler with {@link #endpoint}. */
    protected abstract void routes(JavalinConfig config);

    /** Answers the service's way when a client exceeds the rate limit. */
    protected abstract void rateLimited(Context ctx);

    /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    public Faults faults() {
        return faults;
    }

    /** Requests received by {@code endpoint} (a name the subclass gives, e.g. "lookup"), whatever the answer. */
    public int requests(String endpoint) {
        AtomicInteger n = requests.get(endpoint);
        return n == null ? 0 : n.get();
    }

    /** Requests received by all endpoints. */
    public int totalRequests() {
        return requests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Requests per endpoint, sorted by name. */
    public Map<String, Integer> requestCounts() {
        Map<String, Integer> m = new TreeMap<>();
        requests.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    /** Requests that arrived sooner after the previous one than the service allows. */
    public int rateLimitViolations() {
        return violations.get();
    }

    /** For each violation, how early it came ("arrived 180 ms before its slot"). */
    public java.util.List<String> violationDetails() {
        return java.util.List.copyOf(violationDetails);
    }

    /** The User-Agent of the last request, or null. */
    public String lastUserAgent() {
        return lastUserAgent;
    }

    /** Forgets the counters and the rate schedule (not the faults): the next request starts a new measurement. */
    public void resetCounters() {
        requests.clear();
        violations.set(0);
        violationDetails.clear();
        synchronized (rateLock) {
            nextSlotNanos = Long.MIN_VALUE;
        }
    }

    /**
     * Times each request's arrival with {@code nanoTime} (nanoseconds, any origin) instead of the moment Jetty read
     * its headers: a test of the rate check gives the fake a clock it moves itself.
     */
    public void timeSource(LongSupplier nanoTime) {
        this.clock = nanoTime;
    }

    /** Stops the server; answers held back by {@link Faults#latency} are released first. */
    @Override
    public void close() {
        closed.countDown();
        app.stop();
    }

    /** Wraps a route: counts it, enforces the rate, applies faults, then runs {@code h}. */
    protected Handler endpoint(String name, Handler h) {
        return ctx -> {
            requests.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
            lastUserAgent = ctx.header("User-Agent");
            boolean tooSoon = tooSoon(arrivalNanos(ctx));
            if (faults.latencyMs() > 0) {
                closed.await(faults.latencyMs(), TimeUnit.MILLISECONDS);
            }
            if (tooSoon) {
                violations.incrementAndGet();
                rateLimited(ctx);
                return;
            }
            int error = faults.takeServerError();
            if (error != 0) {
                ctx.status(error)
                        .contentType("text/html")
                        .result("<html><body>" + error + " fake outage</body></html>");
                return;
            }
            if (faults.takeMalformed()) {
                ctx.status(200).contentType("application/json").result("{\"status\": \"ok\", \"results\": [{\"id\": ");
                return;
            }
            h.handle(ctx);
        };
    }

    /** When the request's headers arrived (Jetty's own stamp, taken before any handler thread ran), or the test's clock. */
    private long arrivalNanos(Context ctx) {
        LongSupplier c = clock;
        if (c != null) {
            return c.getAsLong();
        }
        ServletContextRequest r = ServletContextRequest.getServletContextRequest(ctx.req());
        return r == null ? System.nanoTime() : r.getHeadersNanoTime();
    }

    private boolean tooSoon(long now) {
        if (minIntervalMs <= 0) {
            return false;
        }
        long interval = minIntervalMs * 1_000_000;
        synchronized (rateLock) {
            if (nextSlotNanos != Long.MIN_VALUE && now < nextSlotNanos - interval) {
                violationDetails.add("arrived " + (nextSlotNanos - now) / 1_000_000 + " ms before its slot");
                return true;
            }
            nextSlotNanos = (nextSlotNanos == Long.MIN_VALUE ? now : Math.max(now, nextSlotNanos)) + interval;
            return false;
        }
    }

    /** Writes {@code body} as JSON with {@code status}. */
    protected static void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
