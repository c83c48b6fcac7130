package io.wkmp.ingest.core.params;

import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * "The current parameters", defined once: the stored settings ({@link ImportParameters#fromSettings}, lenient) with
 * the overrides a program was started with ({@code --param}, {@code --musicbrainz-url}, an embedder's) on top. What
 * an import gets unless its request changes more, what {@code GET /parameters} shows and what
 * {@code /analyze/amplitude} uses. The stored text is read with a plain read each time and parsed again only when it
 * changed; a bad stored value is reported once to {@code problems} and its default used. Thread-safe.
 */
public final class CurrentParameters implements Supplier<ImportParameters> {
    private final Supplier<Map<String, String>> stored;
    private final ParameterChanges overrides;
    private final Consumer<String> problems;

    /** Guarded by this: the stored settings last read and the parameters they gave. */
    private Map<String, String> lastStored;

    private ImportParameters last;

    /**
     * @param stored reads the settings table (a plain read, no write lock)
     * @param overrides the program's overrides, already parsed; they win over the stored settings
     * @param problems told about each bad stored value (once per change of the stored settings)
     */
    public CurrentParameters(
            Supplier<Map<String, String>> stored, ParameterChanges overrides, Consumer<String> problems) {
        this.stored = Objects.requireNonNull(stored, "stored");
        this.overrides = Objects.requireNonNull(overrides, "overrides");
        this.problems = Objects.requireNonNull(problems, "problems");
    }

    /**
     * The stored settings with the overrides.
     *
     * @throws ParameterException when the overrides break a rule across parameters with the stored values
     */
    @Override
    public ImportParameters get() {
        Map<String, String> now = Map.copyOf(stored.get());
        synchronized (this) {
            if (!now.equals(lastStored)) {
                last = ImportParameters.fromSettings(now, problems).with(overrides);
                lastStored = now;
            }
            return last;
        }
    }

    /** The overrides this program was started with. */
    public ParameterChanges overrides() {
        return overrides;
    }
}
