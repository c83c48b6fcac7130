package io.wkmp.ingest.adapters.wiring;

import io.wkmp.ingest.adapters.acoustid.AcoustIdClient;
import io.wkmp.ingest.adapters.acoustid.ApiKeyResolver;
import io.wkmp.ingest.adapters.acoustid.ApiKeyResolver.ResolvedKey;
import io.wkmp.ingest.adapters.acoustid.ApiKeyResolver.Source;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.LookupUnavailableException;
import io.wkmp.ingest.core.port.AcoustIdKeys;
import io.wkmp.ingest.core.port.LibraryStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The AcoustID key in use and where it came from: resolved at start (embedder, setting, environment, config
 * file), replaced when the user enters a valid one (which is then saved, the one save, as the
 * {@value ApiKeyResolver#SETTING} setting). Keys arrive already cleaned at their edge. Never logged. Thread-safe.
 */
final class SessionAcoustIdKeys implements AcoustIdKeys {
    private final AtomicReference<ResolvedKey> key;
    private final Function<String, AcoustIdClient.KeyStatus> validator;
    private final LibraryStore store;

    SessionAcoustIdKeys(
            Optional<ResolvedKey> initial, Function<String, AcoustIdClient.KeyStatus> validator, LibraryStore store) {
        this.key = new AtomicReference<>(initial.orElse(null));
        this.validator = validator;
        this.store = store;
    }

    /** The key in use, if any. */
    Optional<String> current() {
        return resolved().map(ResolvedKey::key);
    }

    /** The key in use with where it came from, if any. */
    Optional<ResolvedKey> resolved() {
        return Optional.ofNullable(key.get());
    }

    @Override
    public boolean validate(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return false;
        }
        return switch (validator.apply(apiKey)) {
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
        key.set(new ResolvedKey(apiKey, Source.SETTING));
        store.writeSettings(Map.of(ApiKeyResolver.SETTING, apiKey));
    }

    @Override
    public boolean configured() {
        return key.get() != null;
    }

    @Override
    public String toString() {
        return "SessionAcoustIdKeys["
                + resolved().map(k -> "key from " + k.source()).orElse("no key") + "]";
    }
}
