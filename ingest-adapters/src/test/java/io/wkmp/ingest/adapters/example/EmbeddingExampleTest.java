package io.wkmp.ingest.adapters.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.wkmp.ingest.testkit.audio.AudioSynth;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented embedding example runs as shown in docs/embedding.md and does what it says. */
class EmbeddingExampleTest {
    @TempDir
    Path root;

    @Test
    void importsAFolderOfflineAndReportsIt() throws Exception {
        AudioSynth.builder(44_100, 2)
                .music(6_000, 7)
                .silence(2_000)
                .music(5_000, 8)
                .build()
                .writeWav(root.resolve("album.wav"));
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            EmbeddingExample.main(new String[] {root.toString(), "--offline"});
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out)
                .contains(
                        "state null -> SCANNING",
                        "state PROCESSING -> COMPLETED",
                        "COMPLETED: 1 files imported, 0 unchanged, 0 skipped, 2 passages (0 identified, 2 pending)");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + root.resolve("wkmp.db"));
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM passages")) {
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
    }
}
