package io.wkmp.ingest.core.port;

import io.wkmp.ingest.core.error.ImportIssue;
import io.wkmp.ingest.core.library.FileImport;
import java.util.List;

/** What the pipeline made of one file. */
public interface FileOutcome {
    /** The file's complete result, to write (also for NO AUDIO and DUPLICATE HASH files), with its warnings. */
    record Imported(FileImport result, List<ImportIssue> warnings) implements FileOutcome {
        public Imported {
            warnings = List.copyOf(warnings);
        }
    }

    /** The file was skipped; nothing is written for it. */
    record Skipped(ImportIssue issue) implements FileOutcome {}
}
