package io.wkmp.ingest.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wkmp.ingest.core.library.ReviewPassage;
import io.wkmp.ingest.core.review.Review;
import io.wkmp.ingest.server.wire.ReviewView;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code wkmp-ai review accept|choose|unidentifiable PASSAGE...}: a person's decisions on passages. */
final class ReviewDecisions {
    private ReviewDecisions() {}

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
            return ReviewCommand.withReview(root, null, parent.err, (review, prefix) -> {
                List<ReviewPassage> done = new ArrayList<>();
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
