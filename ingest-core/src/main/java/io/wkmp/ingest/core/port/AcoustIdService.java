package io.wkmp.ingest.core.port;

import java.util.List;

/**
 * Looks fingerprints up in AcoustID, batched (the service takes up to 20 per request), rate-limited across
 * all callers. Thread-safe.
 *
 * @throws io.wkmp.ingest.core.error.LookupUnavailableException when the service cannot answer after retries
 * @throws InvalidApiKeyException when the service refuses the API key
 */
public interface AcoustIdService {
    /** The most fingerprints the service takes in one request. */
    int MAX_BATCH = 20;

    /** Candidates for each query, in query order (an empty list where nothing matched). */
    List<List<AcoustIdMatch>> lookup(List<FingerprintQuery> queries);

    /** The service refused the API key (AcoustID error code 4). */
    class InvalidApiKeyException extends io.wkmp.ingest.core.error.IngestException {
        public InvalidApiKeyException(String message) {
            super(io.wkmp.ingest.core.error.ErrorCode.ACOUSTID_INVALID_KEY, message);
        }
    }
}
