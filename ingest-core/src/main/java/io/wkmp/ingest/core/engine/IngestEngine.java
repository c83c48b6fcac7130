package io.wkmp.ingest.core.engine;

import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.port.AcoustIdKeys;
import io.wkmp.ingest.core.port.FileDiscovery;
import io.wkmp.ingest.core.port.FilePipeline;
import io.wkmp.ingest.core.port.IdentificationRedo;
import io.wkmp.ingest.core.port.ImportSession;
import io.wkmp.ingest.core.port.Ingestor;
import io.wkmp.ingest.core.port.LibraryStore;
import io.wkmp.ingest.core.scan.Folders;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The import engine: runs one import at a time over folders inside a WKMP root folder, each in a
 * background thread. Wire it with {@link #builder()}; every port can be swapped. Thread-safe.
 */
public final class IngestEngine implements Ingestor {
    private final Path root;
    private final LibraryStore store;
    private final FileDiscovery discovery;
    private final Function<ImportParameters, FilePipeline> pipelines;
    private final Function<ImportParameters, IdentificationRedo> redos;
    private final AcoustIdKeys acoustIdKeys;
    private final Clock clock;
    private final int processors;
    private final LiveWorkers live;
    private final Map<String, ImportRun> sessions = new ConcurrentHashMap<>();
    private ImportRun active;

    private IngestEngine(Builder b) {
        this.root = Folders.realDirectory(Objects.requireNonNull(b.root, "rootFolder"), "root folder");
        this.store = Objects.requireNonNull(b.store, "store");
        this.discovery = Objects.requireNonNull(b.discovery, "discovery");
        this.pipelines = Objects.requireNonNull(b.pipelines, "pipeline");
        this.redos = b.redos;
        this.acoustIdKeys = b.acoustIdKeys;
        this.clock = b.clock;
        this.processors = b.processors;
        this.live = b.live;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Path rootFolder() {
        return root;
    }

    /** The database this engine writes. */
    public LibraryStore store() {
        return store;
    }

    @Override
    public ImportSession start(Path folder, ImportParameters params) {
        return start(folder, params, true);
    }

    @Override
    public synchronized ImportSession start(Path folder, ImportParameters params, boolean acoustId) {
        Objects.requireNonNull(params, "params");
        if (active != null && !active.status().state().isTerminal()) {
            throw new ImportConflictException(active.id());
        }
        Path target = resolveInsideRoot(folder);
        String relative = root.relativize(target).toString().replace('\\', '/');
        String id = UUID.randomUUID().toString();
        RunSetup setup = new RunSetup(
                clock,
                store,
                discovery,
                pipelines.apply(params),
                redos.apply(params),
                acoustIdKeys,
                live,
                params.effectiveWorkers(processors));
        ImportRun run = new ImportRun(id, target, relative, params, setup, acoustId);
        sessions.put(id, run);
        active = run;
        Thread t = new Thread(run::run, "wkmp-import-" + id.substring(0, 8));
        t.setDaemon(false);
        t.start();
        return run;
    }

    @Override
    public Optional<ImportSession> session(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    @Override
    public synchronized Optional<ImportSession> active() {
        return active != null && !active.status().state().isTerminal() ? Optional.of(active) : Optional.empty();
    }

    /**
     * {@code folder} (absolute, or relative to the root) as a real path inside the root.
     *
     * @throws IllegalArgumentException naming the problem
     */
    public Path resolveInsideRoot(Path folder) {
        return Folders.insideRoot(root, folder);
    }

    /** Wires an engine. Root, store, discovery and pipeline are required. */
    public static final class Builder {
        private Path root;
        private LibraryStore store;
        private FileDiscovery discovery;
        private Function<ImportParameters, FilePipeline> pipelines;
        private Function<ImportParameters, IdentificationRedo> redos = params -> IdentificationRedo.NONE;
        private AcoustIdKeys acoustIdKeys = AcoustIdKeys.NONE;
        private Clock clock = Clock.systemUTC();
        private int processors = Runtime.getRuntime().availableProcessors();
        private LiveWorkers live = new LiveWorkers();

        public Builder rootFolder(Path root) {
            this.root = root;
            return this;
        }

        public Builder store(LibraryStore store) {
            this.store = store;
            return this;
        }

        public Builder discovery(FileDiscovery discovery) {
            this.discovery = discovery;
            return this;
        }

        /** The per-file pipeline for a session's parameters. */
        public Builder pipeline(Function<ImportParameters, FilePipeline> pipelines) {
            this.pipelines = pipelines;
            return this;
        }

        /** What finishes earlier runs' PENDING identifications at the end of a session (default: nothing). */
        public Builder redo(Function<ImportParameters, IdentificationRedo> redos) {
            this.redos = redos;
            return this;
        }

        public Builder acoustIdKeys(AcoustIdKeys keys) {
            this.acoustIdKeys = keys;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Processors the default worker count is derived from (default: this machine's). */
        public Builder processors(int processors) {
            this.processors = processors;
            return this;
        }

        /** The workers the outside services see, to know whether one could still ask them something. */
        public Builder liveWorkers(LiveWorkers live) {
            this.live = Objects.requireNonNull(live);
            return this;
        }

        public IngestEngine build() {
            return new IngestEngine(this);
        }
    }
}
