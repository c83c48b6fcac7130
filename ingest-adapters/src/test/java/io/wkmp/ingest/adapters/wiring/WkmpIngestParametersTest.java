package io.wkmp.ingest.adapters.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.params.ParameterException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wiring's current parameters over a real wkmp.db: the stored settings, read without a write lock, with the overrides. */
class WkmpIngestParametersTest {
    @TempDir
    Path root;

    @Test
    void theCurrentParametersAreReadWhileAnotherProcessHoldsTheWriteLock() throws Exception {
        try (WkmpIngest ingest = WkmpIngest.forRoot(root)
                        .offline(true)
                        .parameter("silence_threshold_dbfs", "-55")
                        .build();
                Connection other = DriverManager.getConnection("jdbc:sqlite:" + root.resolve("wkmp.db"));
                Statement sql = other.createStatement()) {
            sql.execute("UPDATE settings SET value = '-45' WHERE key = 'silence_threshold_dbfs'");
            sql.execute("UPDATE settings SET value = '20' WHERE key = 'rms_window_ms'");
            sql.execute("BEGIN IMMEDIATE");
            sql.execute("INSERT INTO settings (key, value) VALUES ('other_module', 'x')");

            ImportParameters p = ingest.parameters();

            sql.execute("ROLLBACK");
            assertThat(p.analysis().segmentation().silenceThresholdDbfs())
                    .as("the override wins over the stored -45")
                    .isEqualTo(-55.0);
            assertThat(p.analysis().segmentation().rmsWindowMs())
                    .as("the stored value, read while running")
                    .isEqualTo(20);
        }
    }

    @Test
    void defaultsAreWrittenBackWhenTheLibraryOpensAndBadOverridesAreRefusedAtTheEdge() throws Exception {
        try (WkmpIngest ingest = WkmpIngest.forRoot(root).offline(true).build()) {
            assertThat(ingest.store().readSettings())
                    .containsAllEntriesOf(ImportParameters.defaults().toSettings());
        }
        assertThatThrownBy(() -> WkmpIngest.forRoot(root).parameter("silence_threshold_dbfs", "5"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("silence_threshold_dbfs must be within [-100, 0] dBFS");
        assertThatThrownBy(() -> WkmpIngest.forRoot(root)
                        .parameter("confidence_single_weight_metadata", "0.9")
                        .build())
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("must sum to 1.0");
    }
}
