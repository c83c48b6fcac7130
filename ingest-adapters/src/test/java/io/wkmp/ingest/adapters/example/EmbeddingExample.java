package io.wkmp.ingest.adapters.example;

import io.wkmp.ingest.adapters.wiring.WkmpIngest;
import io.wkmp.ingest.core.port.ImportSession;
import io.wkmp.ingest.core.session.ImportEvent;
import io.wkmp.ingest.core.session.SessionStatus;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Embedding wkmp-ai in another JVM program: import a folder, follow its events, read the outcome.
 * Run it with {@code scripts/run-example.sh ROOT [FOLDER] [--offline]} (see docs/embedding.md).
 */
public final class EmbeddingExample {
    private EmbeddingExample() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1) {
            System.err.println("usage: EmbeddingExample ROOT [FOLDER] [--offline]");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        Path folder = args.length > 1 && !args[1].startsWith("--") ? Path.of(args[1]) : root;
        boolean offline = java.util.Arrays.asList(args).contains("--offline");

        // 1. Wire the default adapters for a WKMP root folder: <root>/wkmp.db is created or repaired.
        try (WkmpIngest ingest = WkmpIngest.forRoot(root).offline(offline).build()) {
            // 2. Start an import in the background; parameters come from the settings table.
            ImportSession session = ingest.start(folder);

            // 3. Follow it from its first event (0): state changes, problems, progress every 2 s. Listeners must be
            // quick.
            session.subscribe(
                    event -> {
                        if (event instanceof ImportEvent.StateChanged) {
                            ImportEvent.StateChanged s = (ImportEvent.StateChanged) event;
                            System.out.println("state " + s.from() + " -> " + s.to());
                        } else if (event instanceof ImportEvent.IssueRaised) {
                            ImportEvent.IssueRaised i = (ImportEvent.IssueRaised) event;
                            System.out.println(i.issue().severity() + " "
                                    + i.issue().code() + " " + i.issue().filePath());
                        } else if (event instanceof ImportEvent.Progress) {
                            System.out.println(
                                    ((ImportEvent.Progress) event).status().currentOperation());
                        }
                    },
                    0);

            // 4. Wait for the end (or call session.cancel() from elsewhere).
            SessionStatus done = session.await(Duration.ofHours(12));
            System.out.printf(
                    "%s: %d files imported, %d unchanged, %d skipped, %d passages (%d identified, %d pending)%n",
                    done.state(),
                    done.filesImported(),
                    done.filesUnchanged(),
                    done.filesSkipped(),
                    done.passagesCreated(),
                    done.accepted(),
                    done.pending());
        }
    }
}
