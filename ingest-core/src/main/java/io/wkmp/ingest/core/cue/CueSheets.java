package io.wkmp.ingest.core.cue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the cue sheet of an audio file: a {@code .cue} beside it with the same stem (any case), else any
 * {@code .cue} in its folder whose FILE line names it ({@link CueSheet#names}). Reads only the folder; never
 * throws. Stateless and thread-safe.
 */
public final class CueSheets {
    /** Larger files are not cue sheets (a 99-track sheet is a few kB). */
    static final long MAX_BYTES = 1 << 20;

    private CueSheets() {}

    /** The usable cue sheet of {@code audioFile}, if any (problems are dropped; see {@link #lookup}). */
    public static Optional<CueSheet> find(Path audioFile) {
        return lookup(audioFile).sheetValue();
    }

    /** The cue sheet of {@code audioFile} and the problems met finding it. */
    public static CueLookup lookup(Path audioFile) {
        String name = audioFile.getFileName().toString();
        List<String> problems = new ArrayList<>();
        List<Path> others = new ArrayList<>();
        for (Path cue : cueFiles(audioFile.toAbsolutePath().getParent())) {
            String cueName = cue.getFileName().toString();
            if (!CueSheet.stem(cueName).equals(CueSheet.stem(name))) {
                others.add(cue);
                continue;
            }
            try {
                CueSheet sheet = read(cue);
                if (sheet.describes(name)) {
                    return new CueLookup(sheet, cue, problems);
                }
                problems.add(cueName + " does not name " + name + " (FILE " + String.join(", ", sheet.files()) + ")");
            } catch (CueSheetException | IOException e) {
                problems.add(cueName + ": " + e.getMessage());
            }
        }
        for (Path cue : others) {
            try {
                CueSheet sheet = read(cue);
                if (sheet.describes(name)) {
                    return new CueLookup(sheet, cue, problems);
                }
            } catch (CueSheetException | IOException e) {
                // a broken sheet for another file is not this file's problem
            }
        }
        return new CueLookup(null, null, problems);
    }

    private static CueSheet read(Path cue) throws IOException {
        if (Files.size(cue) > MAX_BYTES) {
            throw new CueSheetException("larger than " + MAX_BYTES + " bytes, not a cue sheet");
        }
        return CueSheet.parse(Files.readAllBytes(cue));
    }

    private static List<Path> cueFiles(Path folder) {
        List<Path> found = new ArrayList<>();
        if (folder == null) {
            return found;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(
                folder,
                p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".cue") && Files.isRegularFile(p))) {
            ds.forEach(found::add);
        } catch (IOException e) {
            return found;
        }
        found.sort(null);
        return found;
    }
}
