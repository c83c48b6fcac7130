package io.wkmp.ingest.core.identify;

import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.LookupUnavailableException;
import io.wkmp.ingest.core.port.AcoustIdMatch;
import io.wkmp.ingest.core.port.AcoustIdService;
import io.wkmp.ingest.core.port.FingerprintQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** AcoustID as a map from fingerprint to candidates, in the test's process; counts its requests. Not thread-safe. */
final class InProcessAcoustId implements AcoustIdService {
    private final Map<String, List<AcoustIdMatch>> byFingerprint = new HashMap<>();
    /** The queries of every request, one list a request. */
    final List<List<FingerprintQuery>> requests = new ArrayList<>();

    private RuntimeException failure;

    /** {@code fingerprint} matches {@code matches} (in this order). */
    InProcessAcoustId knows(String fingerprint, AcoustIdMatch... matches) {
        byFingerprint.put(fingerprint, List.of(matches));
        return this;
    }

    /** Every later request fails as a service that cannot answer. */
    InProcessAcoustId down() {
        failure = new LookupUnavailableException(ErrorCode.ACOUSTID_LOOKUP_FAILED, "AcoustID did not answer", null);
        return this;
    }

    /** Every later request is refused for its key. */
    InProcessAcoustId refusingTheKey() {
        failure = new InvalidApiKeyException("invalid API key");
        return this;
    }

    @Override
    public List<List<AcoustIdMatch>> lookup(List<FingerprintQuery> queries) {
        if (failure != null) {
            throw failure;
        }
        requests.add(List.copyOf(queries));
        return queries.stream()
                .map(q -> byFingerprint.getOrDefault(q.fingerprint(), List.of()))
                .toList();
    }
}
