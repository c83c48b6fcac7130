package io.wkmp.ingest.adapters.acoustid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the AcoustID application key (spec AIA-SEC-020, wkmp-reference 5.17): the {@code acoustid_api_key}
 * setting, else the environment variable {@value #ENV}, else {@code acoustid_api_key} in
 * {@code ~/.config/wkmp/wkmp-ai.toml}. Blank values do not count. Stateless.
 */
public final class ApiKeyResolver {
    /** The environment variable. */
    public static final String ENV = "WKMP_ACOUSTID_API_KEY";

    private static final Pattern TOML_KEY =
            Pattern.compile("^\\s*acoustid_api_key\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')\\s*(#.*)?$");

    /** Where a key came from. */
    public enum Source {
        SETTING,
        ENVIRONMENT,
        CONFIG_FILE
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
        if (usable(setting)) {
            return Optional.of(new ResolvedKey(setting.trim(), Source.SETTING));
        }
        String env = environment.get(ENV);
        if (usable(env)) {
            return Optional.of(new ResolvedKey(env.trim(), Source.ENVIRONMENT));
        }
        return fromToml(configFile).map(k -> new ResolvedKey(k, Source.CONFIG_FILE));
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
                    return usable(v) ? Optional.of(v.trim()) : Optional.empty();
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean usable(String s) {
        return s != null && !s.isBlank();
    }
}
