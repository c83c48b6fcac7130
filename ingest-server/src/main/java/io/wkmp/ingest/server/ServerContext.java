package io.wkmp.ingest.server;

import io.wkmp.ingest.core.params.CurrentParameters;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.params.ParameterChanges;
import io.wkmp.ingest.core.port.AcoustIdKeys;
import io.wkmp.ingest.core.port.AudioDecoder;
import io.wkmp.ingest.core.port.Ingestor;
import io.wkmp.ingest.core.port.LibraryQueries;
import io.wkmp.ingest.core.port.LibraryStore;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the server works with: the root folder, the import engine and the database and audio ports.
 *
 * @param store settings (import parameters, the AcoustID key)
 * @param queries files and passages for the metadata view and the segment editor
 * @param decoder decodes files for waveforms and amplitude analysis
 * @param acoustIdKeys validates and installs AcoustID keys
 * @param version shown by {@code /health}
 * @param parameters the parameters an import gets before the wizard's changes: the stored settings plus the
 *     overrides the ingestor was built with (e.g. {@code serve --musicbrainz-url})
 */
public record ServerContext(
        Path rootFolder,
        Ingestor ingestor,
        LibraryStore store,
        LibraryQueries queries,
        AudioDecoder decoder,
        AcoustIdKeys acoustIdKeys,
        String version,
        Supplier<ImportParameters> parameters) {
    public ServerContext {
        Objects.requireNonNull(rootFolder, "rootFolder");
        Objects.requireNonNull(ingestor, "ingestor");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(queries, "queries");
        Objects.requireNonNull(decoder, "decoder");
        Objects.requireNonNull(acoustIdKeys, "acoustIdKeys");
        version = version == null ? "dev" : version;
        Objects.requireNonNull(parameters, "parameters");
    }

    /** A context whose import parameters are the stored settings alone. */
    public ServerContext(
            Path rootFolder,
            Ingestor ingestor,
            LibraryStore store,
            LibraryQueries queries,
            AudioDecoder decoder,
            AcoustIdKeys acoustIdKeys,
            String version) {
        this(
                rootFolder,
                ingestor,
                store,
                queries,
                decoder,
                acoustIdKeys,
                version,
                new CurrentParameters(store::readSettings, ParameterChanges.NONE, problem -> {}));
    }
}
