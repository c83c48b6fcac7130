package io.wkmp.ingest.core.cue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What looking for an audio file's cue sheet found: the sheet (if one names the file and parses) and the
 * problems met on the way (a same-stem cue that is broken or names another file), each to become a
 * CUE_SHEET_INVALID warning.
 *
 * @param sheet the usable cue sheet, null when none
 * @param source the file {@code sheet} was read from, null when none
 */
public record CueLookup(CueSheet sheet, Path source, List<String> problems) {
    /** No cue sheet, no problem. */
    public static final CueLookup NONE = new CueLookup(null, null, List.of());

    public CueLookup {
        problems = List.copyOf(problems);
    }

    /** A lookup that found {@code sheet} (read from {@code source}, may be null) without problems. */
    public static CueLookup of(CueSheet sheet, Path source) {
        return new CueLookup(sheet, source, List.of());
    }

    public Optional<CueSheet> sheetValue() {
        return Optional.ofNullable(sheet);
    }
}
