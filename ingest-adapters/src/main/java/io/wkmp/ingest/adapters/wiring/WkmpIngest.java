package io.wkmp.ingest.adapters.wiring;

import io.wkmp.ingest.adapters.acoustid.ApiKeyResolver;
import io.wkmp.ingest.adapters.chromaprint.ChromaprintFingerprinter;
import io.wkmp.ingest.adapters.ffmpeg.FfmpegAudioDecoder;
import io.wkmp.ingest.adapters.ffmpeg.FfprobeJson;
import io.wkmp.ingest.adapters.sqlite.SqliteLibraryStore;
import io.wkmp.ingest.core.engine.IngestEngine;
import io.wkmp.ingest.core.engine.LiveWorkers;
import io.wkmp.ingest.core.params.CurrentParameters;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.params.ParameterChanges;
import io.wkmp.ingest.core.port.AcoustIdKeys;
import io.wkmp.ingest.core.port.AudioDecoder;
import io.wkmp.ingest.core.port.ImportSession;
import io.wkmp.ingest.core.port.Ingestor;
import io.wkmp.ingest.core.port.LibraryStore;
import io.wkmp.ingest.core.scan.FileScanner;
import io.wkmp.ingest.core.scan.Folders;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * wkmp-ai with its default adapters, for a WKMP root folder: the SQLite database in it, ffmpeg, Chromaprint,
 * jaudiotagger/ffprobe, and the AcoustID / MusicBrainz / AcousticBrainz clients. The one place the
 * library is wired; the command line and the server use it too. Thread-safe; close it when done.
 *
 * <pre>{@code
 * try (WkmpIngest ingest = WkmpIngest.forRoot(Path.of("/music")).build()) {
 *     ImportSession s = ingest.start(Path.of("/music/new"));
 *     s.subscribe(event -> System.out.println(event), 0);   // from its first event
 *     SessionStatus done = s.await(Duration.ofHours(2));
 * }
 * }</pre>
 */
public final class WkmpIngest implements Ingestor, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WkmpIngest.class);

    private final SqliteLibraryStore store;
    private final IngestEngine engine;
    private final FfmpegAudioDecoder decoder;
    private final SessionAcoustIdKeys keys;
    private final CurrentParameters parameters;
    private final boolean offline;
    private final LiveWorkers workers = new LiveWorkers();

    private WkmpIngest(Builder b) {
        Path root = Folders.realDirectory(b.root, "root folder");
        FfprobeJson probe = new FfprobeJson(); // one probe cache for the decoder, the tags and the cover art
        this.decoder = new FfmpegAudioDecoder("ffmpeg", probe);
        ChromaprintFingerprinter fingerprinter = new ChromaprintFingerprinter();
        this.store = SqliteLibraryStore.open(root);
        this.offline = b.offline;
        store.writeMissingSettings(ImportParameters.defaults().toSettings());
        this.parameters = new CurrentParameters(store::readSettings, b.overrides, problem -> LOG.warn("{}", problem));
        EngineServices services = new EngineServices(store, workers, parameters);
        String setting = store.readSettings().get(ApiKeyResolver.SETTING);
        Optional<ApiKeyResolver.ResolvedKey> key = b.acoustIdKey
                .map(k -> new ApiKeyResolver.ResolvedKey(k, ApiKeyResolver.Source.EMBEDDER))
                .or(() -> ApiKeyResolver.resolve(setting, b.environment, b.configFile));
        this.keys = new SessionAcoustIdKeys(key, k -> services.forValidation().validateAcoustIdKey(k), store);
        FilePipelines pipelines = new FilePipelines(
                root,
                b.clock,
                offline,
                store,
                services,
                keys,
                b.environment.getOrDefault("PATH", ""),
                decoder,
                probe,
                fingerprinter);
        this.engine = IngestEngine.builder()
                .rootFolder(root)
                .store(store)
                .discovery(new FileScanner(root))
                .clock(b.clock)
                .acoustIdKeys(keys)
                .liveWorkers(workers)
                .pipeline(pipelines::pipeline)
                .redo(pipelines::redo)
                .build();
        LOG.info(
                "wkmp-ai ready: root {}, AcoustID key {}, {}",
                root,
                keys.resolved()
                        .map(k -> "from " + describe(k.source(), b.configFile))
                        .orElse("not set"),
                offline ? "offline" : "online");
    }

    /** Starts wiring for {@code rootFolder} (it must exist; wkmp.db is created in it when missing). */
    public static Builder forRoot(Path rootFolder) {
        return new Builder(rootFolder);
    }

    /** The import parameters a session gets by default: the stored settings plus this instance's overrides. */
    public ImportParameters parameters() {
        return parameters.get();
    }

    /** Starts importing {@code folder} with {@link #parameters()}. */
    public ImportSession start(Path folder) {
        return start(folder, parameters());
    }

    @Override
    public ImportSession start(Path folder, ImportParameters params) {
        return engine.start(folder, params);
    }

    @Override
    public ImportSession start(Path folder, ImportParameters params, boolean acoustId) {
        return engine.start(folder, params, acoustId);
    }

    @Override
    public Path rootFolder() {
        return engine.rootFolder();
    }

    @Override
    public Optional<ImportSession> session(String id) {
        return engine.session(id);
    }

    @Override
    public Optional<ImportSession> active() {
        return engine.active();
    }

    public LibraryStore store() {
        return store;
    }

    /** The sqlite store itself (for queries beyond the port). */
    public SqliteLibraryStore sqliteStore() {
        return store;
    }

    public AudioDecoder decoder() {
        return decoder;
    }

    public AcoustIdKeys acoustIdKeys() {
        return keys;
    }

    /** Whether an AcoustID key is in use (never the key itself). */
    public boolean acoustIdKeyConfigured() {
        return keys.current().isPresent();
    }

    /** Where the AcoustID key in use came from (never the key itself); empty when none is in use. */
    public Optional<ApiKeyResolver.Source> acoustIdKeySource() {
        return keys.resolved().map(ApiKeyResolver.ResolvedKey::source);
    }

    private static String describe(ApiKeyResolver.Source source, Path configFile) {
        return switch (source) {
            case SETTING -> "the " + ApiKeyResolver.SETTING + " setting";
            case ENVIRONMENT -> "the environment variable " + ApiKeyResolver.ENV;
            case CONFIG_FILE -> "the config file " + configFile;
            case EMBEDDER -> "the embedding program";
        };
    }

    /** Cancels a running import, waits briefly for it, and closes the database. */
    @Override
    public void close() {
        engine.active().ifPresent(s -> {
            s.cancel();
            try {
                s.await(java.time.Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        store.close();
    }

    /** Options of a {@link WkmpIngest}. */
    public static final class Builder {
        private final Path root;
        private ParameterChanges overrides = ParameterChanges.NONE;
        private boolean offline;
        private Optional<String> acoustIdKey = Optional.empty();
        private Map<String, String> environment = System.getenv();
        private Path configFile = ApiKeyResolver.defaultConfigFile();
        private Clock clock = Clock.systemUTC();

        private Builder(Path root) {
            this.root = root;
        }

        /** No outside service is called: identification stays PENDING for a later run; flavour is computed locally. */
        public Builder offline(boolean offline) {
            this.offline = offline;
            return this;
        }

        /**
         * Overrides one import parameter (settings key) for this instance, e.g. {@code musicbrainz_base_url}.
         *
         * @throws io.wkmp.ingest.core.params.ParameterException for an unknown key or a bad value
         */
        public Builder parameter(String key, String value) {
            overrides = overrides.with(key, value);
            return this;
        }

        /** Uses this AcoustID key instead of the setting, environment or config file. */
        public Builder acoustIdKey(String key) {
            this.acoustIdKey = ApiKeyResolver.clean(key);
            return this;
        }

        /** The environment read for WKMP_ACOUSTID_API_KEY and PATH (default: the process's). */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /** The TOML file read for {@code acoustid_api_key} (default ~/.config/wkmp/wkmp-ai.toml). */
        public Builder configFile(Path configFile) {
            this.configFile = configFile;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Opens the database (creating or repairing it) and wires everything.
         *
         * @throws IllegalArgumentException when the root folder is unusable
         * @throws IllegalStateException when libchromaprint or ffmpeg is missing (the message names the package)
         */
        public WkmpIngest build() {
            ImportParameters.defaults().with(overrides); // the overrides on their own keep the rules across parameters
            return new WkmpIngest(this);
        }
    }
}
