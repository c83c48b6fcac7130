package io.wkmp.ingest.server;

/** Asks AcoustID whether an API key is accepted, with one test call. Thread-safe. */
@FunctionalInterface
public interface AcoustIdKeyCheck {
    /**
     * @return true when the service accepts the key
     * @throws io.wkmp.ingest.core.error.LookupUnavailableException when the service cannot be reached
     */
    boolean accepts(String apiKey);
}
