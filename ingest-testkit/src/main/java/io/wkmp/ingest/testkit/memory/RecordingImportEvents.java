package io.wkmp.ingest.testkit.memory;

import io.wkmp.ingest.core.port.ImportEvents;
import io.wkmp.ingest.core.session.ImportEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Records a session's events and lets a test wait for one (like OkHttp's EventRecorder). Thread-safe. */
public final class RecordingImportEvents implements ImportEvents {
    private final List<ImportEvent> events = new ArrayList<>();

    @Override
    public synchronized void publish(ImportEvent event) {
        events.add(event);
        notifyAll();
    }

    public synchronized List<ImportEvent> events() {
        return List.copyOf(events);
    }

    /** Events of one type, in order. */
    public synchronized <T extends ImportEvent> List<T> events(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (ImportEvent e : events) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }

    /**
     * Waits for the first event of {@code type} matching {@code condition}.
     *
     * @throws AssertionError when none arrives within {@code timeout}
     */
    public synchronized <T extends ImportEvent> T await(Class<T> type, Predicate<T> condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (ImportEvent e : events) {
                if (type.isInstance(e) && condition.test(type.cast(e))) {
                    return type.cast(e);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(
                        "no " + type.getSimpleName() + " event matched within " + timeout + "; got " + events);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
