package io.wkmp.ingest.adapters.acoustid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the AcoustID application key (spec AIA-SEC-020, wkmp-reference 5.17): the {@value #SETTING} setting,
 * else the environment variable {@value #ENV}, else {@value #SETTING} in {@code ~/.config/wkmp/wkmp-ai.toml}.
 * Every key text is cleaned here, once, where it enters ({@link #clean}): stripped, and blank counts as none.
 * Stateless.
 */
public final class ApiKeyResolver {
    /** The name of the key in the settings table and in the config file; the one place it is spelled. */
    public static final String SETTING = "acoustid_api_key";

    /** The environment variable. */
    public static final String ENV = "WKMP_ACOUSTID_API_KEY";

    private static final Pattern TOML_KEY =
            Pattern.compile("^\\s*" + SETTING + "\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')\\s*(#.*)?$");

    /** Where a key came from. */
    public enum Source {
        /** The {@value ApiKeyResolver#SETTING} setting (also where a key the user enters is saved). */
        SETTING,
        /** The environment variable {@value ApiKeyResolver#ENV}. */
        ENVIRONMENT,
        /** The config file ({@link ApiKeyResolver#defaultConfigFile()} unless another is given). */
        CONFIG_FILE,
        /** Given by the program embedding wkmp-ai ({@code WkmpIngest.Builder.acoustIdKey}). */
        EMBEDDER
    }

    /** A key and its source; toString never shows the key. */
    public record ResolvedKey(String key, Source source) {
        @Override
        public String toString() {
            return "ResolvedKey[source=" + source + ", key=***]";
        }
    }

    private ApiKeyResolver() {}

    /** The default config file: {@code ~/.config/wkmp/wkmp-ai.toml}. */
    public static Path defaultConfigFile() {
        return Path.of(System.getProperty("user.home"), ".config", "wkmp", "wkmp-ai.toml");
    }

    /** The key by precedence, or empty when no source has one. An unreadable config file counts as none. */
    public static Optional<ResolvedKey> resolve(String setting, Map<String, String> environment, Path configFile) {
        return clean(setting)
                .map(k -> new ResolvedKey(k, Source.SETTING))
                .or(() -> clean(environment.get(ENV)).map(k -> new ResolvedKey(k, Source.ENVIRONMENT)))
                .or(() -> fromToml(configFile).map(k -> new ResolvedKey(k, Source.CONFIG_FILE)));
    }

    /** A key text as entered, stripped; empty when it is null or blank. */
    public static Optional<String> clean(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }

    private static Optional<String> fromToml(Path file) {
        if (file == null || !Files.isReadable(file)) {
            return Optional.empty();
        }
        try {
            for (String line : Files.readAllLines(file)) {
                Matcher m = TOML_KEY.matcher(line);
                if (m.matches()) {
                    String v = m.group(1) != null ? m.group(1) : m.group(2);
                    return clean(v);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
