package io.wkmp.ingest.server;

import java.nio.file.Path;

/**
 * Builds the {@link ServerContext} for a root folder: the engine and the default adapters. The default
 * implementation is found with {@link java.util.ServiceLoader} (META-INF/services), so tests and embedders
 * can supply their own.
 */
@FunctionalInterface
public interface ServerWiring {
    /** Opens (creating when needed) the database of {@code rootFolder} and wires the engine over it. */
    ServerContext open(Path rootFolder);
}
