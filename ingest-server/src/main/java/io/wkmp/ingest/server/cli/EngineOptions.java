package io.wkmp.ingest.server.cli;

import io.wkmp.ingest.adapters.wiring.WkmpIngest;
import io.wkmp.ingest.core.params.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by {@code import} and {@code serve}: where the library is and how to reach the outside services. */
public final class EngineOptions {
    @Option(
            names = "--root",
            paramLabel = "DIR",
            description =
                    "WKMP root folder holding wkmp.db (default: $WKMP_ROOT_FOLDER, else ~/Music; for import, the"
                            + " imported folder itself when it lies outside ~/Music: its wkmp.db is then created in that folder)")
    Path root;

    @Option(
            names = "--workers",
            paramLabel = "N",
            description =
                    "files analysed (decoded, fingerprinted) at once (default: processors clamped to 2..8); online, up"
                            + " to 20 more may wait for the outside services")
    Integer workers;

    @Option(names = "--offline", description = "call no outside service: identification stays pending for a later run")
    boolean offline;

    @Option(
            names = "--redo-all-pending",
            description = "after importing, finish the identifications left pending in every folder of the database,"
                    + " not only in the imported one (parameter redo_all_pending)")
    boolean redoAllPending;

    @Option(
            names = "--acoustid-url",
            paramLabel = "URL",
            description = "AcoustID base URL (default https://api.acoustid.org/v2)")
    String acoustIdUrl;

    @Option(
            names = "--musicbrainz-url",
            paramLabel = "URL",
            description = "MusicBrainz base URL, e.g. a local mirror (default https://musicbrainz.org/ws/2)")
    String musicBrainzUrl;

    @Option(
            names = "--acousticbrainz-url",
            paramLabel = "URL",
            description = "AcousticBrainz base URL (default https://acousticbrainz.org/api/v1)")
    String acousticBrainzUrl;

    @Option(
            names = "--coverart-url",
            paramLabel = "URL",
            description = "Cover Art Archive base URL (default https://coverartarchive.org)")
    String coverArtUrl;

    @Option(
            names = "--param",
            paramLabel = "KEY=VALUE",
            description = "any import parameter for this run, e.g. --param silence_threshold_dbfs=-55")
    Map<String, String> params = new LinkedHashMap<>();

    /** The root folder: --root, else $WKMP_ROOT_FOLDER, else ~/Music, else (for an import outside ~/Music) the folder itself. */
    public Path rootFor(Path importFolder) {
        return rootFor(root, importFolder);
    }

    /** The root folder: {@code root} when given, else as {@link #rootFor(Path)}; {@code folder} may be null. */
    static Path rootFor(Path root, Path importFolder) {
        if (root != null) {
            return root;
        }
        String env = System.getenv("WKMP_ROOT_FOLDER");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path music = Path.of(System.getProperty("user.home"), "Music");
        if (importFolder != null) {
            Path abs = importFolder.toAbsolutePath().normalize();
            if (!Files.isDirectory(music)
                    || !abs.startsWith(music.toAbsolutePath().normalize())) {
                return abs;
            }
        }
        return music;
    }

    /** The parameter overrides these options stand for (settings keys). */
    Map<String, String> overrides() {
        Map<String, String> o = new LinkedHashMap<>(params);
        if (workers != null) {
            o.put(Parameter.WORKER_COUNT.key(), String.valueOf(workers));
        }
        if (redoAllPending) {
            o.put(Parameter.REDO_ALL_PENDING.key(), "true");
        }
        put(o, Parameter.ACOUSTID_BASE_URL, acoustIdUrl);
        put(o, Parameter.MUSICBRAINZ_BASE_URL, musicBrainzUrl);
        put(o, Parameter.ACOUSTICBRAINZ_BASE_URL, acousticBrainzUrl);
        put(o, Parameter.COVERART_BASE_URL, coverArtUrl);
        return o;
    }

    /** Whether no outside service is called. */
    public boolean offline() {
        return offline;
    }

    /** Opens the library of {@code rootFolder} with these options. */
    public WkmpIngest open(Path rootFolder) {
        WkmpIngest.Builder b = WkmpIngest.forRoot(rootFolder).offline(offline);
        overrides().forEach(b::parameter);
        return b.build();
    }

    private static void put(Map<String, String> o, Parameter p, String value) {
        if (value != null) {
            o.put(p.key(), value);
        }
    }
}
