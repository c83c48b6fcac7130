package io.wkmp.ingest.adapters.wiring;

import io.wkmp.ingest.adapters.acoustid.AcoustIdClient;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.LookupUnavailableException;
import io.wkmp.ingest.core.port.AcoustIdKeys;
import io.wkmp.ingest.core.port.LibraryStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The AcoustID key in use: resolved at start (setting, environment, config file), replaced when the user
 * enters a valid one (which is also saved as the {@code acoustid_api_key} setting). Never logged. Thread-safe.
 */
final class SessionAcoustIdKeys implements AcoustIdKeys {
    static final String SETTING = "acoustid_api_key";

    private final AtomicReference<String> key;
    private final Function<String, AcoustIdClient.KeyStatus> validator;
    private final LibraryStore store;

    SessionAcoustIdKeys(
            Optional<String> initial, Function<String, AcoustIdClient.KeyStatus> validator, LibraryStore store) {
        this.key = new AtomicReference<>(initial.filter(k -> !k.isBlank()).orElse(null));
        this.validator = validator;
        this.store = store;
    }

    /** The key in use, if any. */
    Optional<String> current() {
        return Optional.ofNullable(key.get());
    }

    @Override
    public boolean validate(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return false;
        }
        return switch (validator.apply(apiKey.trim())) {
            case VALID -> true;
            case INVALID -> false;
            case UNREACHABLE ->
                throw new LookupUnavailableException(
                        ErrorCode.ACOUSTID_LOOKUP_FAILED,
                        "AcoustID could not be reached to check the key (no answer, or not a valid one)",
                        null);
        };
    }

    @Override
    public void use(String apiKey) {
        key.set(apiKey.trim());
        store.writeSettings(Map.of(SETTING, apiKey.trim()));
    }

    @Override
    public boolean configured() {
        return key.get() != null;
    }

    @Override
    public String toString() {
        return "SessionAcoustIdKeys[" + (key.get() == null ? "no key" : "key set") + "]";
    }
}
