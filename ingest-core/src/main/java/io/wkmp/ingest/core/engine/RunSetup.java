package io.wkmp.ingest.core.engine;

import io.wkmp.ingest.core.port.AcoustIdKeys;
import io.wkmp.ingest.core.port.FileDiscovery;
import io.wkmp.ingest.core.port.FilePipeline;
import io.wkmp.ingest.core.port.IdentificationRedo;
import io.wkmp.ingest.core.port.LibraryStore;
import java.time.Clock;

/**
 * What the engine hands one run: the ports, its pipeline and redo (built for its parameters), and its number of CPU
 * shares ({@code workers}).
 */
record RunSetup(
        Clock clock,
        LibraryStore store,
        FileDiscovery discovery,
        FilePipeline pipeline,
        IdentificationRedo redo,
        AcoustIdKeys acoustIdKeys,
        LiveWorkers live,
        int workers) {}
