package io.wkmp.ingest.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wkmp.ingest.adapters.sqlite.SqliteLibraryStore;
import io.wkmp.ingest.core.error.CriticalIngestException;
import io.wkmp.ingest.core.identification.Decision;
import io.wkmp.ingest.core.library.ReviewPassage;
import io.wkmp.ingest.core.review.Review;
import io.wkmp.ingest.core.review.ReviewFilter;
import io.wkmp.ingest.core.scan.Folders;
import io.wkmp.ingest.server.wire.ReviewView;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
        subcommands = {ReviewDecisions.Accept.class, ReviewDecisions.Choose.class, ReviewDecisions.Unidentifiable.class
        })
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

    final PrintStream out;
    final PrintStream err;

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
                list.forEach(p -> out.print(ReviewText.of(p)));
                out.println(list.size()
                        + (list.size() == 1 ? " passage" : " passages")
                        + (decided ? " listed" : " need review")
                        + (list.isEmpty() ? "" : "; decide with: wkmp-ai review accept|choose|unidentifiable PASSAGE"));
            }
            return 0;
        });
    }

    /** What a subcommand does with the review of the library. */
    @FunctionalInterface
    interface Work {
        int run(Review review, String folderPrefix) throws Exception;
    }

    /** Opens the library of {@code root} (or the one {@code folder} belongs to) and runs {@code work}. */
    static int withReview(Path root, Path folder, PrintStream err, Work work) {
        Path r;
        String prefix = "";
        try {
            // the same folder rules as the import: real paths, so a root reached through a link matches
            Path realFolder = folder == null ? null : Folders.realDirectory(folder, "folder");
            r = Folders.realDirectory(EngineOptions.rootFor(root, realFolder), "root folder");
            if (realFolder != null) {
                String rel = r.relativize(Folders.insideRoot(r, realFolder))
                        .toString()
                        .replace('\\', '/');
                prefix = rel.isEmpty() ? "" : rel + "/";
            }
        } catch (IllegalArgumentException e) {
            err.println("wkmp-ai: " + e.getMessage());
            return EXIT_USAGE;
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
}
