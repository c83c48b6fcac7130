package io.wkmp.ingest.adapters.sqlite;

import java.time.Duration;
import java.util.Objects;

/**
 * How the store uses SQLite.
 *
 * @param busyTimeout how long one statement waits for a lock inside SQLite ({@code busy_timeout})
 * @param lockWaitBudget how long one write may keep retrying after SQLITE_BUSY before the session fails
 */
public record SqliteOptions(Duration busyTimeout, Duration lockWaitBudget) {
    public SqliteOptions {
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        Objects.requireNonNull(lockWaitBudget, "lockWaitBudget");
        if (busyTimeout.isNegative() || lockWaitBudget.isNegative()) {
            throw new IllegalArgumentException("busyTimeout and lockWaitBudget must not be negative");
        }
    }

    /** busy_timeout 5 s, retry budget 60 s. */
    public static SqliteOptions defaults() {
        return new SqliteOptions(Duration.ofSeconds(5), Duration.ofSeconds(60));
    }
}
