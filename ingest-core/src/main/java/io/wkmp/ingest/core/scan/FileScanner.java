package io.wkmp.ingest.core.scan;

import io.wkmp.ingest.core.error.CriticalIngestException;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.port.FileDiscovery;
import io.wkmp.ingest.core.port.FileTask;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Finds the audio files under a folder inside the root, in two phases (spec AIA-PERF-030): a sequential
 * walk that never follows symbolic links (so it cannot loop) and skips hidden and system entries,
 * then a parallel check of each candidate's first bytes. A file with an audio extension whose content is
 * not audio is rejected with a reason; audio whose extension names another audio format is accepted
 * with its real format. Thread-safe.
 */
public final class FileScanner implements FileDiscovery {
    private static final Set<String> CLUTTER = Set.of(
            "thumbs.db",
            "desktop.ini",
            "$recycle.bin",
            "system volume information",
            "lost+found",
            "@eadir",
            "#recycle",
            "__macosx",
            ".trash",
            ".trashes");

    private final Path root;

    /**
     * @throws CriticalIngestException INVALID_ROOT when the root is missing, not a directory or unreadable
     */
    public FileScanner(Path root) {
        this.root = validDirectory(root, "root folder");
    }

    /** The validated root (real path). */
    public Path root() {
        return root;
    }

    /**
     * Scans {@code folder} (absolute, or relative to the root).
     *
     * @throws CriticalIngestException INVALID_ROOT when the folder is not a readable directory inside the root
     */
    public ScanResult scan(Path folder) {
        Path start;
        try {
            start = Folders.insideRoot(root, folder);
        } catch (IllegalArgumentException e) {
            throw new CriticalIngestException(ErrorCode.INVALID_ROOT, e.getMessage(), e);
        }
        List<Path> candidates = new ArrayList<>();
        List<RejectedFile> rejected = new ArrayList<>();
        walk(start, candidates, rejected);
        List<Object> checked = candidates.parallelStream().map(this::verify).toList();
        List<ScannedFile> accepted = new ArrayList<>();
        for (Object o : checked) {
            if (o instanceof ScannedFile) {
                accepted.add((ScannedFile) o);
            } else {
                rejected.add((RejectedFile) o);
            }
        }
        accepted.sort(Comparator.comparing(ScannedFile::relativePath));
        rejected.sort(Comparator.comparing(RejectedFile::relativePath));
        return new ScanResult(accepted, rejected);
    }

    /** The engine's view of {@link #scan}: accepted files as tasks, rejected ones reported with their codes. */
    @Override
    public List<FileTask> discover(Path folder, IntConsumer found, Rejections rejected) {
        ScanResult result = scan(folder);
        for (RejectedFile r : result.rejected()) {
            rejected.rejected(r.relativePath(), r.code(), r.reason());
        }
        List<FileTask> tasks = new ArrayList<>();
        for (ScannedFile f : result.accepted()) {
            tasks.add(new FileTask(
                    f.path(),
                    f.relativePath(),
                    f.sizeBytes(),
                    f.modifiedAt(),
                    f.kind().formatName()));
        }
        found.accept(tasks.size());
        return tasks;
    }

    /** The path relative to the root, with forward slashes. */
    public String relative(Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    private void walk(Path start, List<Path> candidates, List<RejectedFile> rejected) {
        try {
            Files.walkFileTree(
                    start, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            return dir.equals(start) || !ignored(dir)
                                    ? FileVisitResult.CONTINUE
                                    : FileVisitResult.SKIP_SUBTREE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (ignored(file) || extensionKind(file).isEmpty()) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (attrs.isSymbolicLink()) {
                                rejected.add(new RejectedFile(
                                        relative(file),
                                        ErrorCode.UNSUPPORTED_FORMAT,
                                        "symbolic link (links are not followed)"));
                            } else if (!attrs.isRegularFile()) {
                                rejected.add(new RejectedFile(
                                        relative(file),
                                        ErrorCode.FILE_UNREADABLE,
                                        "not a regular file (a fifo, socket or device cannot be read as audio)"));
                            } else {
                                candidates.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            rejected.add(new RejectedFile(
                                    relative(file), ErrorCode.FILE_UNREADABLE, "cannot be read: " + e.getMessage()));
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw new CriticalIngestException(
                    ErrorCode.INVALID_ROOT, "cannot walk " + start + ": " + e.getMessage(), e);
        }
    }

    private Object verify(Path file) {
        String rel = relative(file);
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            if (attrs.size() == 0) {
                return new RejectedFile(rel, ErrorCode.UNSUPPORTED_FORMAT, "empty file (0 bytes)");
            }
            Optional<AudioKind> kind = MagicBytes.detect(file);
            AudioKind named = extensionKind(file).orElseThrow();
            if (kind.isEmpty()) {
                return new RejectedFile(
                        rel,
                        ErrorCode.UNSUPPORTED_FORMAT,
                        "content is not audio although the name ends in ." + extension(file));
            }
            return new ScannedFile(
                    file, rel, attrs.size(), attrs.lastModifiedTime().toInstant(), kind.get(), kind.get() != named);
        } catch (IOException e) {
            return new RejectedFile(rel, ErrorCode.FILE_UNREADABLE, "cannot be read: " + e.getMessage());
        }
    }

    private static boolean ignored(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(".") || CLUTTER.contains(name.toLowerCase(Locale.ROOT));
    }

    private static Optional<AudioKind> extensionKind(Path file) {
        return AudioKind.byExtension(extension(file));
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    private static Path validDirectory(Path dir, String what) {
        try {
            return Folders.realDirectory(dir, what);
        } catch (IllegalArgumentException e) {
            throw new CriticalIngestException(ErrorCode.INVALID_ROOT, e.getMessage(), e);
        }
    }
}
