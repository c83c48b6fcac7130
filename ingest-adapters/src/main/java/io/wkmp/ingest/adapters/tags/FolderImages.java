package io.wkmp.ingest.adapters.tags;

import io.wkmp.ingest.core.error.AnalysisWarning;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds a folder's own cover image: cover, folder or front (in that order) with .jpg, .jpeg or .png, any case. */
final class FolderImages {
    private static final List<String> NAMES = List.of("cover", "folder", "front");
    private static final List<String> EXTENSIONS = List.of("jpg", "jpeg", "png");

    /** A folder image that decodes. */
    record Found(Path path, ImageCheck.ImageInfo info) {}

    private FolderImages() {}

    /** The first decodable cover image in {@code folder}; each one that does not decode adds a warning. */
    static Optional<Found> find(Path folder, List<AnalysisWarning> warnings) {
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, p -> rank(p) >= 0 && Files.isRegularFile(p))) {
            ds.forEach(candidates::add);
        } catch (IOException e) {
            return Optional.empty();
        }
        candidates.sort(Comparator.comparingInt(FolderImages::rank).thenComparing(Path::toString));
        for (Path p : candidates) {
            try {
                Optional<ImageCheck.ImageInfo> info = ImageCheck.inspect(Files.readAllBytes(p));
                if (info.isPresent()) {
                    return Optional.of(new Found(p, info.get()));
                }
                warnings.add(CoverArtExtractor.invalid("folder image " + p.getFileName() + " is not a readable image"));
            } catch (IOException e) {
                warnings.add(CoverArtExtractor.invalid(
                        "folder image " + p.getFileName() + " could not be read: " + e.getMessage()));
            }
        }
        return Optional.empty();
    }

    /** Preference of a file name (lower is better), -1 when it is not a folder cover name. */
    private static int rank(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot < 0 || !EXTENSIONS.contains(name.substring(dot + 1))) {
            return -1;
        }
        return NAMES.indexOf(name.substring(0, dot));
    }
}
