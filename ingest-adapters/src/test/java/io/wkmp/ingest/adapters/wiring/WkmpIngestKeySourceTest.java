package io.wkmp.ingest.adapters.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.wkmp.ingest.adapters.acoustid.ApiKeyResolver;
import io.wkmp.ingest.adapters.acoustid.ApiKeyResolver.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the AcoustID key in use came from, as a real {@link WkmpIngest} (SQLite settings) keeps it. */
class WkmpIngestKeySourceTest {
    @TempDir
    Path root;

    @TempDir
    Path home;

    private WkmpIngest.Builder builder(Map<String, String> environment) {
        return WkmpIngest.forRoot(root).offline(true).environment(environment).configFile(home.resolve("wkmp-ai.toml"));
    }

    @Test
    void theKeyKeepsItsSourceAndAnEnteredKeyIsSavedOnceAsTheSetting() throws Exception {
        try (WkmpIngest ingest = builder(Map.of()).build()) {
            assertThat(ingest.acoustIdKeySource()).isEmpty();
            assertThat(ingest.acoustIdKeyConfigured()).isFalse();
        }
        Files.writeString(home.resolve("wkmp-ai.toml"), ApiKeyResolver.SETTING + " = \"fromToml\"\n");
        try (WkmpIngest ingest = builder(Map.of()).build()) {
            assertThat(ingest.acoustIdKeySource()).contains(Source.CONFIG_FILE);
        }
        try (WkmpIngest ingest = builder(Map.of(ApiKeyResolver.ENV, "fromEnv")).build()) {
            assertThat(ingest.acoustIdKeySource()).contains(Source.ENVIRONMENT);
            ingest.acoustIdKeys().use("entered");
            assertThat(ingest.acoustIdKeySource()).contains(Source.SETTING);
            assertThat(ingest.store().readSettings()).containsEntry(ApiKeyResolver.SETTING, "entered");
        }
        try (WkmpIngest ingest = builder(Map.of(ApiKeyResolver.ENV, "fromEnv")).build()) {
            assertThat(ingest.acoustIdKeySource()).contains(Source.SETTING);
        }
        try (WkmpIngest ingest = builder(Map.of(ApiKeyResolver.ENV, "fromEnv"))
                .acoustIdKey("  given ")
                .build()) {
            assertThat(ingest.acoustIdKeySource()).contains(Source.EMBEDDER);
            assertThat(ingest.acoustIdKeys().toString()).contains("EMBEDDER").doesNotContain("given");
        }
        try (WkmpIngest ingest = builder(Map.of()).acoustIdKey("   ").build()) {
            assertThat(ingest.acoustIdKeySource()).contains(Source.SETTING);
        }
    }
}
