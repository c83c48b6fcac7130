package io.wkmp.ingest.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wkmp.ingest.server.Main;
import io.wkmp.ingest.testkit.audio.EncodedFormat;
import io.wkmp.ingest.testkit.library.SynthLibrary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wkmp-ai review}: from "3 passages need review" after an offline import to all decided in the terminal, and
 * the decisions surviving a re-import of the same files (touched, so they are imported again, online this time).
 */
class ReviewCommandTest {
    @TempDir
    static Path dir;

    private static SynthLibrary library;
    private static FakeWorld fakes;

    @BeforeAll
    static void synthesize() {
        library = SynthLibrary.builder(dir.resolve("library"))
                .song(EncodedFormat.FLAC, 9_000)
                .song(EncodedFormat.FLAC, 10_000)
                .song(EncodedFormat.OGG, 11_000)
                .build();
        fakes = new FakeWorld(library.catalog());
    }

    @AfterAll
    static void stop() {
        if (fakes != null) {
            fakes.close();
        }
    }

    record Run(int exit, String out, String err) {}

    private static Run run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.commandLine().execute(args.toArray(String[]::new));
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    private static Run run(String... args) {
        return run(List.of(args));
    }

    @Test
    void fromThreeNeedReviewToAllDecidedAndTheDecisionsSurviveAReimport() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path music = library.copyTo(root.resolve("music"));
        Run imported = run(fakes.importArgs(root, music, "--offline"));
        assertThat(imported.exit()).as(imported.err()).isZero();

        Run listed = run("review", music.toString(), "--root", root.toString());
        assertThat(listed.exit()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("3 passages need review").contains("PENDING");

        JsonNode open = json(run("review", "--root", root.toString(), "--json"));
        assertThat(open).hasSize(3);
        assertThat(open.get(0).path("decision").asText()).isEqualTo("PENDING");
        assertThat(open.get(0).path("reasons").toString()).isNotEmpty();
        String first = open.get(0).path("passage").asText();
        String firstFile = open.get(0).path("file").asText();
        String second = open.get(1).path("passage").asText();
        String third = open.get(2).path("passage").asText();

        // nothing to accept on a pending passage: said as a usage error, nothing changes
        Run refused = run("review", "accept", first, "--root", root.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("names no recording");

        String mine = SynthLibrary.recording(7);
        Run chosen = run("review", "choose", first, mine, "--root", root.toString(), "--by", "alice");
        assertThat(chosen.exit()).as(chosen.err()).isZero();
        assertThat(chosen.out()).contains(first).contains("CHOOSE").contains(mine);
        Run marked = run("review", "unidentifiable", second, third, "--root", root.toString(), "--by", "bob");
        assertThat(marked.exit()).as(marked.err()).isZero();

        assertThat(run("review", "--root", root.toString()).out()).contains("0 passages need review");
        Run decided = run("review", "--root", root.toString(), "--decided", "--decision", "ACCEPT,REJECT");
        assertThat(decided.out())
                .contains("3 passages listed")
                .contains("decided by alice")
                .contains("decided by bob");

        // the same files imported again (touched: imported anew, and online: the fakes identify every one)
        try (Stream<Path> files = Files.walk(music)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(f, FileTime.from(Instant.now().plusSeconds(60)));
            }
        }
        Run again = run(fakes.importArgs(root, music, "--json"));
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(json(again).path("files_imported").asInt()).as(again.out()).isEqualTo(3);

        JsonNode after = json(run(
                "review",
                "--root",
                root.toString(),
                "--decided",
                "--json",
                "--decision",
                "ACCEPT,REJECT,REVIEW,PENDING"));
        List<String> seen = new ArrayList<>();
        for (JsonNode p : after) {
            seen.add(p.path("passage").asText() + " " + p.path("decision").asText() + " "
                    + p.path("recording_mbid").asText("-") + " "
                    + p.path("user_decision").path("by").asText("-"));
        }
        assertThat(seen)
                .containsExactlyInAnyOrder(
                        first + " ACCEPT " + mine + " alice", second + " REJECT - bob", third + " REJECT - bob");
        assertThat(firstFile).startsWith("music/");
        assertThat(run("review", "--root", root.toString()).out()).contains("0 passages need review");
    }

    private static JsonNode json(Run r) throws Exception {
        assertThat(r.exit()).as(r.err()).isIn(0, 1);
        String out = r.out().trim();
        return new ObjectMapper().readTree(out.substring(out.lastIndexOf('\n') + 1));
    }
}
