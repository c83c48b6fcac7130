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
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    /** Five songs whose tags each name the next song's recording: the fingerprint and the tags disagree. */
    private static SynthLibrary mistagged;

    private static FakeWorld mistaggedFakes;

    @BeforeAll
    static void synthesize() {
        library = SynthLibrary.builder(dir.resolve("library"))
                .song(EncodedFormat.FLAC, 9_000)
                .song(EncodedFormat.FLAC, 10_000)
                .song(EncodedFormat.OGG, 11_000)
                .build();
        fakes = new FakeWorld(library.catalog());
        SynthLibrary.Builder b = SynthLibrary.builder(dir.resolve("mistagged"));
        for (int i = 0; i < 5; i++) {
            b.song(
                    i % 2 == 0 ? EncodedFormat.FLAC : EncodedFormat.OGG,
                    9_000 + 500 * i,
                    SynthLibrary.recording((i + 1) % 5));
        }
        mistagged = b.build();
        mistaggedFakes = new FakeWorld(mistagged.catalog());
    }

    @AfterAll
    static void stop() {
        if (fakes != null) {
            fakes.close();
        }
        if (mistaggedFakes != null) {
            mistaggedFakes.close();
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
        touch(music);
        FakeWorld.storeKey(root);
        fakes.resetCounters();
        Run again = run(fakes.importArgs(root, music, "--json"));
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(json(again).path("files_imported").asInt()).as(again.out()).isEqualTo(3);
        assertThat(fakes.acoustId.requests("lookup")).as("identified online").isPositive();

        assertThat(decided(root))
                .containsExactlyInAnyOrder(
                        first + " ACCEPT " + mine + " alice CHOOSE",
                        second + " REJECT - bob UNIDENTIFIABLE",
                        third + " REJECT - bob UNIDENTIFIABLE");
        assertThat(firstFile).startsWith("music/");
        assertThat(run("review", "--root", root.toString()).out()).contains("0 passages need review");
    }

    @Test
    void fiveReviewPassagesOfAnOnlineImportAllDecidedInTheTerminalAndKeptByAReimport() throws Exception {
        Path root = Files.createDirectories(dir.resolve("online-root"));
        Path music = mistagged.copyTo(root.resolve("music"));
        FakeWorld.storeKey(root);
        Run imported = run(mistaggedFakes.importArgs(root, music));
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out())
                .as(imported.out())
                .containsPattern("to review \\(REVIEW\\) +5")
                .contains("5 passages of this run need a person")
                .contains("wkmp-ai review \"" + music + "\"");

        Run listed = run("review", music.toString(), "--root", root.toString());
        assertThat(listed.exit()).as(listed.err()).isZero();
        assertThat(listed.out())
                .contains("5 passages need review")
                .contains("REVIEW")
                .doesNotContain("PENDING");

        // each file's fingerprint matches its own song, its tags name the next song's recording: REVIEW, proposing
        // the fingerprint's recording as the (only) candidate, the reasons saying why
        Map<String, String> passageOf = new TreeMap<>();
        for (JsonNode p : json(run("review", "--root", root.toString(), "--json"))) {
            int song = songNumber(p.path("file").asText());
            String own = SynthLibrary.recording(song);
            assertThat(p.path("decision").asText()).isEqualTo("REVIEW");
            assertThat(p.path("recording_mbid").asText()).isEqualTo(own);
            assertThat(p.path("candidates").get(0).path("recording_mbid").asText())
                    .isEqualTo(own);
            assertThat(p.path("candidates").get(0).path("fingerprint_score").asDouble())
                    .isGreaterThan(0.9);
            assertThat(p.path("reasons").toString())
                    .contains("tags name recording " + SynthLibrary.recording((song + 1) % 5));
            passageOf.put("song" + song, p.path("passage").asText());
        }
        assertThat(passageOf).hasSize(5);

        String[] root_ = {"--root", root.toString()};
        Run accepted = run(concat(List.of("review", "accept", passageOf.get("song0"), "--by", "ann"), root_));
        assertThat(accepted.exit()).as(accepted.err()).isZero();
        Run candidate = run(concat(
                List.of(
                        "review",
                        "accept",
                        passageOf.get("song1"),
                        "--recording",
                        SynthLibrary.recording(1),
                        "--by",
                        "ann"),
                root_));
        assertThat(candidate.exit()).as(candidate.err()).isZero();
        // the person trusts the tag over the fingerprint
        String tagged = SynthLibrary.recording(3);
        Run chosen = run(concat(List.of("review", "choose", passageOf.get("song2"), tagged, "--by", "ann"), root_));
        assertThat(chosen.exit()).as(chosen.err()).isZero();
        assertThat(chosen.out()).contains("CHOOSE").contains(tagged);
        Run marked = run(concat(
                List.of("review", "unidentifiable", passageOf.get("song3"), passageOf.get("song4"), "--by", "bob"),
                root_));
        assertThat(marked.exit()).as(marked.err()).isZero();
        assertThat(run("review", music.toString(), "--root", root.toString()).out())
                .contains("0 passages need review");

        List<String> expected = List.of(
                passageOf.get("song0") + " ACCEPT " + SynthLibrary.recording(0) + " ann ACCEPT",
                passageOf.get("song1") + " ACCEPT " + SynthLibrary.recording(1) + " ann ACCEPT",
                passageOf.get("song2") + " ACCEPT " + tagged + " ann CHOOSE",
                passageOf.get("song3") + " REJECT - bob UNIDENTIFIABLE",
                passageOf.get("song4") + " REJECT - bob UNIDENTIFIABLE");
        assertThat(decided(root)).containsExactlyInAnyOrderElementsOf(expected);

        // the same files imported again, online: identified anew (REVIEW again), every decision kept
        touch(music);
        Run again = run(mistaggedFakes.importArgs(root, music, "--json"));
        assertThat(again.exit()).as(again.err()).isZero();
        JsonNode summary = json(again);
        assertThat(summary.path("files_imported").asInt()).as(again.out()).isEqualTo(5);
        // identified anew (the services' answers come from the response cache): REVIEW again, yet not shown again
        assertThat(summary.path("identification").path("review").asInt())
                .as(again.out())
                .isEqualTo(5);
        assertThat(summary.path("identification").path("pending").asInt()).isZero();
        assertThat(decided(root)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(run("review", "--root", root.toString()).out()).contains("0 passages need review");
    }

    /** Each passage, decided or not, as "passage decision recording by action". */
    private static List<String> decided(Path root) throws Exception {
        JsonNode all = json(run(
                "review",
                "--root",
                root.toString(),
                "--decided",
                "--json",
                "--decision",
                "ACCEPT,REJECT,REVIEW,PENDING"));
        List<String> seen = new ArrayList<>();
        for (JsonNode p : all) {
            seen.add(p.path("passage").asText() + " " + p.path("decision").asText() + " "
                    + p.path("recording_mbid").asText("-") + " "
                    + p.path("user_decision").path("by").asText("-") + " "
                    + p.path("user_decision").path("action").asText("-"));
        }
        return seen;
    }

    /** Song number (0-based) of a singles file "NN Song M.ext". */
    private static int songNumber(String file) {
        Matcher m = Pattern.compile("Song (\\d+)\\.").matcher(file);
        assertThat(m.find()).as(file).isTrue();
        return Integer.parseInt(m.group(1)) - 1;
    }

    private static List<String> concat(List<String> a, String... more) {
        List<String> out = new ArrayList<>(a);
        out.addAll(List.of(more));
        return out;
    }

    /** Gives every file of {@code folder} a new modification time, so an import reads it again. */
    private static void touch(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(f, FileTime.from(Instant.now().plusSeconds(60)));
            }
        }
    }

    private static JsonNode json(Run r) throws Exception {
        assertThat(r.exit()).as(r.err()).isIn(0, 1);
        String out = r.out().trim();
        return new ObjectMapper().readTree(out.substring(out.lastIndexOf('\n') + 1));
    }
}
