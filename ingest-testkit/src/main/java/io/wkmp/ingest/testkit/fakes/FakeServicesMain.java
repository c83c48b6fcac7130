package io.wkmp.ingest.testkit.fakes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Serves a catalogue file from its own process, for benchmarks that run wkmp-ai as a user does:
 *
 * <pre>
 * java -cp ... io.wkmp.ingest.testkit.fakes.FakeServicesMain --catalogue FILE --urls-out FILE
 *     [--report-out FILE] [--acoustid-key KEY]
 * </pre>
 *
 * Starts the four {@link FakeServices} on loopback with their real rate limits, then writes {@code --urls-out}
 * (atomically, so a script can wait for it to appear) as {@code name=value} lines: {@code acoustid},
 * {@code musicbrainz}, {@code acousticbrainz}, {@code coverart} (base URLs for wkmp-ai's {@code --*-url}
 * options) and {@code acoustid_key} (the one key the fake AcoustID accepts, default {@value #DEFAULT_KEY}).
 * On SIGTERM (or Ctrl-C) it writes the counters ({@link FakeServices#report()}) as JSON to
 * {@code --report-out} (atomically; stdout without it) and stops.
 */
public final class FakeServicesMain {
    /** The AcoustID key accepted when {@code --acoustid-key} is not given. */
    public static final String DEFAULT_KEY = "wkmp-bench-key";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The parsed command line. */
    record Options(Path catalogue, Path urlsOut, Path reportOut, String acoustIdKey) {}

    private FakeServicesMain() {}

    public static void main(String[] args) throws InterruptedException {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("FakeServicesMain: " + e.getMessage());
            System.err.println("usage: FakeServicesMain --catalogue FILE --urls-out FILE [--report-out FILE]"
                    + " [--acoustid-key KEY]");
            System.exit(2);
            return;
        }
        FakeServices services = start(o);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                writeReport(services, o.reportOut());
                            } finally {
                                services.close();
                                stopped.countDown();
                            }
                        },
                        "fake-services-report"));
        System.err.println("fake services ready: " + services.apiUrls());
        stopped.await();
    }

    /** Loads the catalogue, starts the fakes and writes the URL file. */
    static FakeServices start(Options o) {
        FakeServices services = FakeServices.start(FakeCatalogJson.read(o.catalogue()), Set.of(o.acoustIdKey()));
        try {
            StringBuilder urls = new StringBuilder();
            services.apiUrls()
                    .forEach((k, v) -> urls.append(k).append('=').append(v).append('\n'));
            urls.append("acoustid_key=").append(o.acoustIdKey()).append('\n');
            writeAtomically(o.urlsOut(), urls.toString());
            return services;
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    /** Writes the counters as JSON to {@code file}, or to stdout when it is null. */
    static void writeReport(FakeServices services, Path file) {
        try {
            String json = JSON.writeValueAsString(services.report()) + "\n";
            if (file == null) {
                System.out.print(json);
                System.out.flush();
            } else {
                writeAtomically(file, json);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Options parse(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!Set.of("--catalogue", "--urls-out", "--report-out", "--acoustid-key")
                    .contains(a)) {
                throw new IllegalArgumentException("unknown option " + a);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            m.put(a, args[++i]);
        }
        if (!m.containsKey("--catalogue") || !m.containsKey("--urls-out")) {
            throw new IllegalArgumentException("--catalogue and --urls-out are required");
        }
        return new Options(
                Path.of(m.get("--catalogue")),
                Path.of(m.get("--urls-out")),
                m.containsKey("--report-out") ? Path.of(m.get("--report-out")) : null,
                m.getOrDefault("--acoustid-key", DEFAULT_KEY));
    }

    private static void writeAtomically(Path file, String text) {
        try {
            Path abs = file.toAbsolutePath();
            Files.createDirectories(abs.getParent());
            Path tmp = Files.createTempFile(abs.getParent(), abs.getFileName().toString(), ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
