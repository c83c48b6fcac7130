package io.wkmp.ingest.core.scan;

import io.wkmp.ingest.core.library.FileStatus;
import io.wkmp.ingest.core.library.KnownFile;
import io.wkmp.ingest.core.port.FileTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a scan found, against what the library knows: the files to import (new, changed in size or modification time,
 * or unfinished: resume), the unchanged ones, and the known files of the folder that are gone from disk. The one place
 * that decides whether a file is imported again.
 *
 * @param todo the files to import, in the order found
 * @param unchanged the known files found again, finished and unchanged
 * @param vanished the relative paths of the folder's known files that were not found
 */
public record ScanDiff(List<FileTask> todo, List<KnownFile> unchanged, List<String> vanished) {
    /** Statuses after which a file with the same path, size and modification time is not imported again. */
    public static final Set<FileStatus> FINISHED =
            EnumSet.of(FileStatus.INGEST_COMPLETE, FileStatus.DUPLICATE_HASH, FileStatus.NO_AUDIO);

    public ScanDiff {
        todo = List.copyOf(todo);
        unchanged = List.copyOf(unchanged);
        vanished = List.copyOf(vanished);
    }

    /**
     * @param known every file the library knows, by relative path
     * @param found the files found under the folder
     * @param folderPrefix the scanned folder relative to the root, ending in "/" ("" for the root): known files under
     *     it that were not found have vanished
     */
    public static ScanDiff of(Map<String, KnownFile> known, List<FileTask> found, String folderPrefix) {
        Set<String> present = new HashSet<>();
        List<FileTask> todo = new ArrayList<>();
        List<KnownFile> unchanged = new ArrayList<>();
        for (FileTask t : found) {
            present.add(t.relativePath());
            KnownFile k = known.get(t.relativePath());
            if (needsImport(k, t.sizeBytes(), t.modifiedAt())) {
                todo.add(t);
            } else {
                unchanged.add(k);
            }
        }
        List<String> vanished = new ArrayList<>();
        for (String path : known.keySet()) {
            if (path.startsWith(folderPrefix) && !present.contains(path)) {
                vanished.add(path);
            }
        }
        return new ScanDiff(todo, unchanged, vanished);
    }

    /** True unless {@code known} (null when the path is new) is finished and has the same size and modification time. */
    public static boolean needsImport(KnownFile known, long sizeBytes, Instant modifiedAt) {
        return known == null || !known.sameAs(sizeBytes, modifiedAt) || !FINISHED.contains(known.status());
    }
}
