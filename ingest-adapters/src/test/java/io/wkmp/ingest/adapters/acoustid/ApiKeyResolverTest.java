package io.wkmp.ingest.adapters.acoustid;

import static org.assertj.core.api.Assertions.assertThat;

import io.wkmp.ingest.adapters.acoustid.ApiKeyResolver.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyResolverTest {
    @TempDir
    Path dir;

    @Test
    void settingBeatsEnvironmentBeatsConfigFile() throws Exception {
        Path toml = Files.writeString(
                dir.resolve("wkmp-ai.toml"), "root_folder = \"/music\"\nacoustid_api_key = \"fromToml\" # app key\n");
        Map<String, String> env = Map.of(ApiKeyResolver.ENV, "fromEnv");

        assertThat(ApiKeyResolver.resolve("fromSetting", env, toml)).hasValueSatisfying(k -> {
            assertThat(k.key()).isEqualTo("fromSetting");
            assertThat(k.source()).isEqualTo(Source.SETTING);
        });
        assertThat(ApiKeyResolver.resolve("  ", env, toml).orElseThrow().source())
                .isEqualTo(Source.ENVIRONMENT);
        assertThat(ApiKeyResolver.resolve(null, Map.of(), toml).orElseThrow().key())
                .isEqualTo("fromToml");
        assertThat(ApiKeyResolver.resolve(null, Map.of(ApiKeyResolver.ENV, ""), dir.resolve("missing.toml")))
                .isEmpty();
    }

    @Test
    void everySourceIsCleanedOnceWhereItEnters() throws Exception {
        Path toml = Files.writeString(dir.resolve("wkmp-ai.toml"), ApiKeyResolver.SETTING + " = ' fromToml '\n");
        assertThat(ApiKeyResolver.resolve(" fromSetting\t", Map.of(), toml).orElseThrow())
                .isEqualTo(new ApiKeyResolver.ResolvedKey("fromSetting", Source.SETTING));
        assertThat(ApiKeyResolver.resolve(null, Map.of(ApiKeyResolver.ENV, " fromEnv "), toml)
                        .orElseThrow())
                .isEqualTo(new ApiKeyResolver.ResolvedKey("fromEnv", Source.ENVIRONMENT));
        assertThat(ApiKeyResolver.resolve("", Map.of(), toml).orElseThrow())
                .isEqualTo(new ApiKeyResolver.ResolvedKey("fromToml", Source.CONFIG_FILE));
        assertThat(ApiKeyResolver.clean("  ")).isEmpty();
        assertThat(ApiKeyResolver.clean(null)).isEmpty();
        assertThat(ApiKeyResolver.clean(" k ")).contains("k");
    }

    @Test
    void toStringNeverShowsTheKey() {
        assertThat(ApiKeyResolver.resolve("topSecret", Map.of(), null)
                        .orElseThrow()
                        .toString())
                .doesNotContain("topSecret")
                .contains("SETTING");
    }
}
