package io.wkmp.ingest.core.port;

import io.wkmp.ingest.core.tags.FileTags;
import java.nio.file.Path;

/** Reads a file's tags; returns {@link FileTags#EMPTY} (never throws) when the file has none or they are unreadable. Thread-safe. */
public interface TagReader {
    FileTags read(Path file);
}
