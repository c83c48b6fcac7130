package io.wkmp.ingest.core.engine;

import io.wkmp.ingest.core.error.Severity;
import io.wkmp.ingest.core.library.KnownFile;
import io.wkmp.ingest.core.port.FileDiscovery;
import io.wkmp.ingest.core.port.FileTask;
import io.wkmp.ingest.core.port.LibraryStore;
import io.wkmp.ingest.core.scan.ScanDiff;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * SCANNING: discovers the folder's audio files, compares them with the library ({@link ScanDiff}): unchanged files
 * are counted and keep their content hash claimed, vanished ones are removed from the library; the rest is to do.
 */
final class FolderScan {
    private static final System.Logger LOG = System.getLogger(FolderScan.class.getName());

    private final RunState run;
    private final LibraryStore store;
    private final FileDiscovery discovery;
    private final HashClaims claims;

    FolderScan(RunState run, LibraryStore store, FileDiscovery discovery, HashClaims claims) {
        this.run = run;
        this.store = store;
        this.discovery = discovery;
        this.claims = claims;
    }

    /**
     * @param folderPrefix the folder relative to the root, ending in "/" ("" for the root)
     * @return the files to import, in the order found
     * @throws IllegalArgumentException when the folder is unusable
     */
    List<FileTask> scan(Path folder, String folderPrefix) {
        Progress progress = run.progress();
        Map<String, KnownFile> known = store.knownFiles();
        List<FileTask> found = discovery.discover(folder, progress::found, (path, code, reason) -> {
            run.issue(code, Severity.SKIP_FILE, path, reason);
            progress.rejectedAtScan();
        });
        progress.found(found.size());
        ScanDiff diff = ScanDiff.of(known, found, folderPrefix);
        diff.unchanged().forEach(claims::unchanged);
        progress.unchanged(diff.unchanged().size());
        if (!diff.vanished().isEmpty() && !run.cancelled()) {
            store.removeFiles(diff.vanished());
            LOG.log(System.Logger.Level.INFO, "removed " + diff.vanished().size() + " files that no longer exist");
        }
        return diff.todo();
    }
}
