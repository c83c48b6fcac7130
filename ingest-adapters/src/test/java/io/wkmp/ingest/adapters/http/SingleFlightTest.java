package io.wkmp.ingest.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SingleFlightTest {
    private final SingleFlight<String> flights = new SingleFlight<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch inside = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService pool = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** A call that counts itself, signals it is running and blocks until released. */
    private String slowCall(String answer) {
        calls.incrementAndGet();
        inside.countDown();
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (answer == null) {
            throw new IllegalStateException("service down");
        }
        return answer;
    }

    /** Starts {@code n} callers of {@code key} while a first call is blocked inside. */
    private Future<String> first(String key, String answer) throws InterruptedException {
        Future<String> f = pool.submit(() -> flights.run(key, () -> slowCall(answer)));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        return f;
    }

    /** Starts a second caller of {@code key} and returns once it waits for the first caller's result. */
    private Future<String> joining(String key) throws InterruptedException {
        AtomicReference<Thread> caller = new AtomicReference<>();
        Future<String> f = pool.submit(() -> {
            caller.set(Thread.currentThread());
            return flights.run(key, () -> "second call");
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!waitingInSingleFlight(caller.get())) {
            assertThat(System.nanoTime()).as("the second caller never waited").isLessThan(deadline);
            Thread.sleep(5);
        }
        return f;
    }

    private static boolean waitingInSingleFlight(Thread t) {
        return t != null
                && t.getState() == Thread.State.WAITING
                && Arrays.stream(t.getStackTrace())
                        .anyMatch(frame -> frame.getClassName().equals(SingleFlight.class.getName()));
    }

    @Test
    void concurrentCallersOfOneKeyShareOneCallAndOtherKeysRunTheirOwn() throws Exception {
        Future<String> a = first("release:1", "answer");
        Future<String> b = joining("release:1");
        assertThat(flights.run("release:2", () -> "other key")).isEqualTo("other key");
        release.countDown();

        assertThat(a.get(10, TimeUnit.SECONDS)).isEqualTo("answer");
        assertThat(b.get(10, TimeUnit.SECONDS)).isEqualTo("answer");
        assertThat(calls.get()).isEqualTo(1);
        assertThat(flights.run("release:1", () -> "later call"))
                .as("nothing is kept after the call")
                .isEqualTo("later call");
    }

    @Test
    void aFailureReachesEveryWaiterAndTheNextCallTriesAgain() throws Exception {
        Future<String> a = first("release:1", null);
        Future<String> b = joining("release:1");
        release.countDown();

        assertThatThrownBy(() -> a.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class)
                .cause()
                .hasMessage("service down");
        assertThat(flights.run("release:1", () -> "retry")).isEqualTo("retry");
    }
}
