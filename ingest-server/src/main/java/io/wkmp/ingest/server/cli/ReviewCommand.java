package io.wkmp.ingest.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wkmp.ingest.adapters.sqlite.SqliteLibraryStore;
import io.wkmp.ingest.core.error.CriticalIngestException;
import io.wkmp.ingest.core.identify.Candidate;
import io.wkmp.ingest.core.identify.Decision;
import io.wkmp.ingest.core.identify.EvidenceSummary;
import io.wkmp.ingest.core.review.Review;
import io.wkmp.ingest.core.review.ReviewFilter;
import io.wkmp.ingest.core.review.ReviewPassage;
import io.wkmp.ingest.core.time.Ticks;
import io.wkmp.ingest.server.wire.ReviewView;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code wkmp-ai review [FOLDER]}: the passages that need a person (REVIEW, REJECT, PENDING), with their evidence and
 * candidates; {@code review accept|choose|unidentifiable PASSAGE...} records a person's decision on them.
 */
@Command(
        name = "review",
        mixinStandardHelpOptions = true,
        description = "List the passages the import could not decide (REVIEW, REJECT, PENDING), with the evidence and"
                + " the candidates considered; decide them with 'review accept', 'review choose' or"
                + " 'review unidentifiable'. A decision is kept by every later import of the unchanged file.%n"
                + "Exit codes: 0 done, 2 usage error (unknown passage, bad MBID), 3 the database cannot be used.",
        subcommands = {ReviewCommand.Accept.class, ReviewCommand.Choose.class, ReviewCommand.Unidentifiable.class})
public final class ReviewCommand implements Callable<Integer> {
    static final int EXIT_USAGE = 2;
    static final int EXIT_FAILED = 3;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "FOLDER",
            description = "list only the passages of the files under this folder (default: all)")
    Path folder;

    @Option(
            names = "--root",
            paramLabel = "DIR",
            description = "WKMP root folder holding wkmp.db (found as 'import' finds it: $WKMP_ROOT_FOLDER, else"
                    + " ~/Music, else FOLDER itself when it lies outside ~/Music)")
    Path root;

    @Option(
            names = "--decision",
            paramLabel = "D",
            split = ",",
            description = "decisions to list: REVIEW, REJECT, PENDING, ACCEPT (default REVIEW,REJECT,PENDING)")
    Set<Decision> decisions = EnumSet.copyOf(ReviewFilter.NEEDS_A_PERSON);

    @Option(
            names = "--reason",
            paramLabel = "TEXT",
            description = "only passages whose evidence mentions TEXT (e.g. fingerprint, duration, metadata)")
    String reason;

    @Option(names = "--decided", description = "also list the passages a person has decided already")
    boolean decided;

    @Option(names = "--json", description = "print the passages as a JSON array on stdout")
    boolean json;

    private final PrintStream out;
    private final PrintStream err;

    public ReviewCommand() {
        this(System.out, System.err);
    }

    ReviewCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        return withReview(root, folder, err, (review, prefix) -> {
            List<ReviewPassage> list = review.list(new ReviewFilter(decisions, prefix, reason, decided));
            if (json) {
                out.println(new ObjectMapper().writeValueAsString(ReviewView.of(list)));
            } else {
                list.forEach(p -> out.print(text(p)));
                out.println(list.size()
                        + (list.size() == 1 ? " passage" : " passages")
                        + (decided ? " listed" : " need review")
                        + (list.isEmpty() ? "" : "; decide with: wkmp-ai review accept|choose|unidentifiable PASSAGE"));
            }
            return 0;
        });
    }

    /** One passage as the terminal shows it: a heading line, the evidence table, the candidates. */
    static String text(ReviewPassage p) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "%s  %s%s  %s  %s-%s%n",
                p.guid(),
                p.decision(),
                // a confidence without a breakdown is no assessment (PENDING stores 0)
                p.confidence() == null || p.breakdown().isEmpty()
                        ? ""
                        : String.format(Locale.ROOT, " %.2f", p.confidence()),
                p.fileRelativePath(),
                Ticks.format(p.timing().start()),
                Ticks.format(p.timing().end())));
        b.append("  ")
                .append(p.title() == null ? "(no title)" : p.title())
                .append(p.artist() == null ? "" : " - " + p.artist())
                .append(p.album() == null ? "" : " (" + p.album() + ")")
                .append(System.lineSeparator());
        if (p.recordingMbid() != null) {
            b.append("  recording ").append(p.recordingMbid()).append(System.lineSeparator());
        }
        if (p.userDecision() != null) {
            b.append(String.format(
                    Locale.ROOT,
                    "  decided by %s at %s: %s%n",
                    p.userDecision().by(),
                    p.userDecision().at(),
                    p.userDecision().action()));
        }
        if (!p.breakdown().isEmpty()) {
            EvidenceSummary.table(p.breakdown())
                    .lines()
                    .forEach(l -> b.append("    ").append(l).append(System.lineSeparator()));
        } else {
            p.reasons().forEach(r -> b.append("    ").append(r).append(System.lineSeparator()));
        }
        if (!p.candidates().isEmpty()) {
            b.append(String.format(
                    Locale.ROOT,
                    "    %-36s %5s %7s  %s%n",
                    "candidate recording",
                    "fp",
                    "delta s",
                    "title (release, track)"));
            for (Candidate c : p.candidates()) {
                b.append(String.format(
                        Locale.ROOT,
                        "    %-36s %5s %7s  %s%s%n",
                        c.recordingMbid(),
                        Double.isNaN(c.fingerprintScore())
                                ? "-"
                                : String.format(Locale.ROOT, "%.2f", c.fingerprintScore()),
                        Double.isNaN(c.durationDeltaSeconds())
                                ? "-"
                                : String.format(Locale.ROOT, "%+.1f", c.durationDeltaSeconds()),
                        c.title() == null ? "" : c.title(),
                        c.releaseMbid() == null
                                ? ""
                                : " (" + c.releaseMbid() + (c.trackNumber() == null ? "" : ", " + c.trackNumber())
                                        + ")"));
            }
        }
        return b.append(System.lineSeparator()).toString();
    }

    /** What a subcommand does with the review of the library. */
    @FunctionalInterface
    interface Work {
        int run(Review review, String folderPrefix) throws Exception;
    }

    /** Opens the library of {@code root} (or the one {@code folder} belongs to) and runs {@code work}. */
    static int withReview(Path root, Path folder, PrintStream err, Work work) {
        Path absFolder = folder == null ? null : folder.toAbsolutePath().normalize();
        if (absFolder != null && !Files.isDirectory(absFolder)) {
            err.println("wkmp-ai: not a folder: " + folder);
            return EXIT_USAGE;
        }
        Path r = EngineOptions.rootFor(root, absFolder).toAbsolutePath().normalize();
        String prefix = "";
        if (absFolder != null) {
            if (!absFolder.startsWith(r)) {
                err.println("wkmp-ai: " + folder + " is not inside the root folder " + r);
                return EXIT_USAGE;
            }
            String rel = r.relativize(absFolder).toString().replace('\\', '/');
            prefix = rel.isEmpty() ? "" : rel + "/";
        }
        Path db = r.resolve(SqliteLibraryStore.FILE_NAME);
        if (!Files.isRegularFile(db)) {
            err.println("wkmp-ai: no database at " + db + " (import a folder first, or give --root)");
            return EXIT_USAGE;
        }
        try (SqliteLibraryStore store = SqliteLibraryStore.open(r)) {
            return work.run(new Review(store, Clock.systemUTC()), prefix);
        } catch (NoSuchElementException | IllegalArgumentException e) {
            err.println("wkmp-ai: " + e.getMessage());
            return EXIT_USAGE;
        } catch (CriticalIngestException e) {
            err.println("wkmp-ai: " + e.getMessage());
            return EXIT_FAILED;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Options every deciding subcommand has. */
    abstract static class Deciding implements Callable<Integer> {
        @Option(names = "--root", paramLabel = "DIR", description = "WKMP root folder holding wkmp.db")
        Path root;

        @Option(names = "--by", paramLabel = "NAME", description = "who decides (default: the user name, $USER)")
        String by = System.getProperty("user.name");

        @Option(names = "--json", description = "print the decided passages as a JSON array on stdout")
        boolean json;

        @ParentCommand
        ReviewCommand parent;

        /** Decides {@code guids} one by one; stops at the first that cannot be decided. */
        int decide(List<String> guids, Decider decider) {
            PrintStream out = parent.out;
            return withReview(root, null, parent.err, (review, prefix) -> {
                List<ReviewPassage> done = new java.util.ArrayList<>();
                for (String g : guids) {
                    done.add(decider.decide(review, g));
                }
                if (json) {
                    out.println(new ObjectMapper().writeValueAsString(ReviewView.of(done)));
                } else {
                    for (ReviewPassage p : done) {
                        out.printf(
                                Locale.ROOT,
                                "%s  %s %s%s%n",
                                p.guid(),
                                p.userDecision().action(),
                                p.fileRelativePath(),
                                p.recordingMbid() == null ? "" : " -> recording " + p.recordingMbid());
                    }
                }
                return 0;
            });
        }

        @FunctionalInterface
        interface Decider {
            ReviewPassage decide(Review review, String guid);
        }
    }

    @Command(
            name = "accept",
            mixinStandardHelpOptions = true,
            description = "Accept the recording each passage names now (or --recording, one of its candidates).")
    static final class Accept extends Deciding {
        @Parameters(arity = "1..*", paramLabel = "PASSAGE", description = "passage ids, as 'wkmp-ai review' lists them")
        List<String> passages;

        @Option(names = "--recording", paramLabel = "MBID", description = "the candidate recording to accept")
        String recording;

        @Override
        public Integer call() {
            return decide(passages, (review, g) -> review.accept(g, recording, by));
        }
    }

    @Command(
            name = "choose",
            mixinStandardHelpOptions = true,
            description = "Choose another recording for a passage by its MusicBrainz recording id.")
    static final class Choose extends Deciding {
        @Parameters(index = "0", paramLabel = "PASSAGE", description = "the passage id")
        String passage;

        @Parameters(index = "1", paramLabel = "MBID", description = "the MusicBrainz recording id")
        String recording;

        @Override
        public Integer call() {
            return decide(List.of(passage), (review, g) -> review.choose(g, recording, by));
        }
    }

    @Command(
            name = "unidentifiable",
            mixinStandardHelpOptions = true,
            description = "Mark passages as not identifiable: they stay passages without a song.")
    static final class Unidentifiable extends Deciding {
        @Parameters(arity = "1..*", paramLabel = "PASSAGE", description = "passage ids")
        List<String> passages;

        @Override
        public Integer call() {
            return decide(passages, (review, g) -> review.unidentifiable(g, by));
        }
    }
}
