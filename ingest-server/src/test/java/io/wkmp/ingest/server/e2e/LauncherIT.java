package io.wkmp.ingest.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.wkmp.ingest.testkit.audio.EncodedFormat;
import io.wkmp.ingest.testkit.library.SynthLibrary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's command, {@code ./wkmp-ai import DIR}, on a clean copy of the sources (no {@code target/}, as after
 * a fresh clone): the launcher builds the jar once and runs it; the next run starts the same jar without building.
 */
class LauncherIT {
    @TempDir
    static Path dir;

    @Test
    void theLauncherBuildsOnceOnACleanCheckoutThenRunsWithoutRebuilding() throws Exception {
        Path sources = copySources(Path.of(System.getProperty("wkmp.sources")), dir.resolve("checkout"));
        assertThat(sources.resolve("ingest-server/target")).doesNotExist();
        SynthLibrary library = SynthLibrary.builder(dir.resolve("root/music"))
                .song(EncodedFormat.FLAC, 8_000)
                .song(EncodedFormat.MP3, 9_000)
                .build();
        Path root = dir.resolve("root");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString());
        List<String> cmd = List.of(
                sources.resolve("wkmp-ai").toString(),
                "import",
                "music",
                "--root",
                root.toString(),
                "--offline",
                "--no-progress");

        WkmpProcess first = WkmpProcess.command(dir.resolve("logs/first"), root, env, cmd);
        assertThat(first.await(Duration.ofMinutes(10))).as(first.output()).isZero();
        assertThat(first.stderr()).contains("wkmp-ai: building");
        Path jar = sources.resolve("ingest-server/target/wkmp-ai.jar");
        assertThat(jar).isRegularFile();
        FileTime built = Files.getLastModifiedTime(jar);
        // the first import wrote the jar's class-data archive (scripts/java-cds.sh), used by the next runs
        Path archive = sources.resolve("ingest-server/target/wkmp-ai.jsa");
        assertThat(archive).isRegularFile();
        assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(built);
        assertThat(new Summary(first.stdout()).row("imported"))
                .isEqualTo(library.files().size());

        WkmpProcess second = WkmpProcess.command(dir.resolve("logs/second"), root, env, cmd);
        assertThat(second.await(Duration.ofMinutes(2))).as(second.output()).isZero();
        assertThat(second.stderr()).doesNotContain("building");
        assertThat(Files.getLastModifiedTime(jar)).as("the jar was not rebuilt").isEqualTo(built);
        assertThat(second.output()).doesNotContain("[cds").doesNotContain("shared archive");
        assertThat(new Summary(second.stdout()).row("unchanged (already imported)"))
                .isEqualTo(library.files().size());
    }

    /** What a clone holds that the build needs: poms, launcher, scripts, each module's main sources. */
    private static Path copySources(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                String rel = from.relativize(p).toString();
                boolean wanted = rel.equals("pom.xml")
                        || rel.equals("wkmp-ai")
                        || rel.startsWith("scripts/")
                        || rel.matches("ingest-[a-z]+/pom\\.xml")
                        || rel.matches("ingest-[a-z]+/src/main/.*");
                if (wanted) {
                    Path target = to.resolve(rel);
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return to;
    }
}
