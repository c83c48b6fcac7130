package io.wkmp.ingest.server;

import io.wkmp.ingest.adapters.sqlite.SqliteLibraryQueries;
import io.wkmp.ingest.adapters.wiring.WkmpIngest;
import io.wkmp.ingest.server.cli.EngineOptions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code wkmp-ai serve}: runs the web wizard and API until interrupted. SIGTERM or Ctrl-C is the normal way to stop
 * it: a running import is cancelled (committed files stay), the server and the database are closed, exit code 0.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Serve the import wizard and REST/SSE API.%n"
                + "Stop it with Ctrl-C or SIGTERM: a running import is cancelled, the database closed, exit code 0.")
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    EngineOptions options;

    @Option(names = "--port", defaultValue = "5723", description = "port to listen on (default: ${DEFAULT-VALUE})")
    int port;

    @Option(
            names = "--bind",
            defaultValue = "127.0.0.1",
            description = "address to listen on (default: ${DEFAULT-VALUE})")
    String bind;

    @Override
    public Integer call() throws Exception {
        Path rootFolder = options.rootFor(null);
        WkmpIngest ingest = options.open(rootFolder);
        IngestServer server = new IngestServer(contextOf(ingest), extraHosts(bind), 15_000).start(bind, port);
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM / Ctrl-C: close everything, then end with 0 (a requested stop) instead of the signal's 128 + n
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            ingest.close();
                            System.out.println("wkmp-ai: stopped");
                            System.out.flush();
                            stopped.countDown();
                            Runtime.getRuntime().halt(0);
                        },
                        "wkmp-ai-shutdown"));
        System.out.println("wkmp-ai: serving " + rootFolder + " on http://" + (isLoopback(bind) ? "localhost" : bind)
                + ":" + server.port() + "/");
        stopped.await();
        return 0;
    }

    /** What the server works with, from the default wiring. */
    public static ServerContext contextOf(WkmpIngest ingest) {
        return new ServerContext(
                ingest.rootFolder(),
                ingest,
                ingest.store(),
                SqliteLibraryQueries.open(ingest.rootFolder().resolve("wkmp.db")),
                ingest.decoder(),
                ingest.acoustIdKeys(),
                "0.1.0",
                ingest::parameters);
    }

    /** Host names accepted besides the loopback ones: the bind address itself when it is a specific non-loopback one. */
    static Set<String> extraHosts(String bind) {
        return isLoopback(bind) || bind.equals("0.0.0.0") || bind.equals("::") ? Set.of() : Set.of(bind.toLowerCase());
    }

    private static boolean isLoopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
