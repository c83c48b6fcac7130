package io.wkmp.ingest.core.port;

/**
 * Checks and installs AcoustID API keys (spec AIA-SEC-030). Keys given here are already cleaned (stripped, not
 * blank) where their text entered. Never logs or returns a key. Thread-safe.
 */
public interface AcoustIdKeys {
    /**
     * True when AcoustID accepts {@code apiKey}, false when it refuses it (one test call).
     *
     * @throws io.wkmp.ingest.core.error.LookupUnavailableException when AcoustID cannot be reached or gives no
     *     usable answer, so whether the key is valid is unknown
     */
    boolean validate(String apiKey);

    /** Uses {@code apiKey} for every later lookup, and remembers it (settings): the one place a key is saved. */
    void use(String apiKey);

    /** Whether a key is in use now, from wherever it came (setting, environment, config file, embedder). */
    default boolean configured() {
        return false;
    }

    /** For setups without AcoustID: refuses every key. */
    AcoustIdKeys NONE = new AcoustIdKeys() {
        @Override
        public boolean validate(String apiKey) {
            return false;
        }

        @Override
        public void use(String apiKey) {}
    };
}
