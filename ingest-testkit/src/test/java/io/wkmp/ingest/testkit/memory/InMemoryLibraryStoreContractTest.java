package io.wkmp.ingest.testkit.memory;

import io.wkmp.ingest.core.port.LibraryStore;
import io.wkmp.ingest.core.session.SessionRecord;
import io.wkmp.ingest.testkit.contract.LibraryStoreContract;
import java.util.Map;
import java.util.stream.Collectors;

/** The in-memory fake keeps the promises of the SQLite store. */
class InMemoryLibraryStoreContractTest extends LibraryStoreContract {
    @Override
    protected LibraryStore newStore() {
        return new InMemoryLibraryStore();
    }

    @Override
    protected Map<String, String> sessionStates() {
        return ((InMemoryLibraryStore) store)
                .sessions().stream()
                        .collect(Collectors.toMap(
                                SessionRecord::sessionId, s -> s.state().name()));
    }
}
