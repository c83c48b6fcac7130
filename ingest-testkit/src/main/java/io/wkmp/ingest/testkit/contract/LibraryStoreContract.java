package io.wkmp.ingest.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.wkmp.ingest.core.port.LibraryStore;
import io.wkmp.ingest.core.port.ResponseCache;
import io.wkmp.ingest.core.session.SessionRecord;
import io.wkmp.ingest.core.session.SessionState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LibraryStore} promises the import, the pending redo and the review (the port's javadoc), as
 * tests: extend it with a fresh, empty store per test. The SQLite store and the in-memory fake both run it, so a
 * test that passes against the fake says something about the real database.
 */
public abstract class LibraryStoreContract implements FileRecordsContract, PassageRecordsContract {
    /** The store under test. */
    protected LibraryStore store;

    @Override
    public LibraryStore store() {
        return store;
    }

    /** A new, empty store. */
    protected abstract LibraryStore newStore() throws Exception;

    /** The session history as stored: session id to its state's name. */
    protected abstract Map<String, String> sessionStates() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = newStore();
    }

    @AfterEach
    void closeStore() throws Exception {
        if (store instanceof AutoCloseable c) {
            c.close();
        }
    }

    @Test
    void theHistoryKeepsOneRowPerSessionWithItsLatestState() throws Exception {
        Instant start = Instant.parse("2026-12-07T17:00:00Z");
        store.recordSession(session("s-1", SessionState.SCANNING, start, null));
        store.recordSession(session("s-2", SessionState.SCANNING, start, null));
        store.recordSession(session("s-1", SessionState.COMPLETED, start, start.plusSeconds(60)));

        assertThat(sessionStates()).containsExactlyInAnyOrderEntriesOf(Map.of("s-1", "COMPLETED", "s-2", "SCANNING"));
    }

    @Test
    void theResponseCachesKeepTheLastValuePerKindAndKey() {
        assertThat(store.get(ResponseCache.Kind.ACOUSTID, "fp-1")).isEmpty();

        store.put(ResponseCache.Kind.ACOUSTID, "fp-1", "{\"results\":[]}");
        store.put(ResponseCache.Kind.MUSICBRAINZ, "fp-1", "{\"id\":\"x\"}");
        store.put(ResponseCache.Kind.ACOUSTID, "fp-1", "{\"results\":[1]}");

        assertThat(store.get(ResponseCache.Kind.ACOUSTID, "fp-1")).contains("{\"results\":[1]}");
        assertThat(store.get(ResponseCache.Kind.MUSICBRAINZ, "fp-1")).contains("{\"id\":\"x\"}");
        assertThat(store.get(ResponseCache.Kind.ACOUSTICBRAINZ, "fp-1")).isEmpty();
        assertThat(store.get(ResponseCache.Kind.ACOUSTID, "fp-2")).isEmpty();
    }

    private static SessionRecord session(String id, SessionState state, Instant start, Instant end) {
        return new SessionRecord(
                id,
                state,
                "/music",
                Map.of("silence_threshold_dbfs", "-60"),
                3,
                1,
                0,
                2,
                "scanning",
                List.of(),
                start,
                end);
    }
}
