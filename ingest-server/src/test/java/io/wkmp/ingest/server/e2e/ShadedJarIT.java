package io.wkmp.ingest.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The build-time guard of the runnable jar: {@code wkmp-ai.jar} holds every class the program needs at run time.
 * Issue 10: a {@code <scope>test</scope>} line left OkHttp out of the jar; every module's tests passed on their own
 * classpaths while every online import of the shipped jar died with {@code NoClassDefFoundError}.
 *
 * <p>How: the JDK's {@code jdeps} lists every class-to-class reference of the jar in one run. Starting from our own
 * classes ({@code io.wkmp.*}) the test follows the references through the jar's classes, the transitive closure of
 * what our code can reach, and fails on any reachable class that is neither in the jar nor in the JDK: a library
 * left out by a scope slip, or a library whose own dependency was left out (OkHttp without Okio). Library classes
 * that nothing of ours reaches (a library's integrations we do not use) are not followed, so their absent optional
 * dependencies do not count; the few optional ones that are reachable but never loaded are listed in
 * {@link #OPTIONAL} with the reason. This reads bytecode, so it also covers code paths no test happens to run.
 */
class ShadedJarIT {
    /** Reachable from our code, absent from the jar on purpose: package prefix and why that is safe. */
    static final Map<String, String> OPTIONAL = Map.of(
            "com.aayushatharva.brotli4j.",
            "Javalin's Brotli compression, used only when brotli4j is on the classpath (Javalin checks first)",
            "com.google.errorprone.annotations.",
            "Error Prone annotations on Jdbi classes: compile-time only (CLASS retention), never loaded");

    /** {@code   a.B   -> c.D   location} (location: the jar's name, a JDK module, or "not found"). */
    private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s+(.+?)\\s*$");

    private static final Map<String, List<String[]>> EDGES = new HashMap<>();

    @BeforeAll
    static void readTheJarsReferences() {
        Path jar = WkmpProcess.jar();
        ToolProvider jdeps =
                ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("the JDK has no jdeps"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = jdeps.run(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                "--multi-release",
                String.valueOf(Runtime.version().feature()),
                "-verbose:class",
                jar.toString());
        assertThat(code).as("jdeps: %s", err.toString(StandardCharsets.UTF_8)).isZero();
        String jarName = jar.getFileName().toString();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            Matcher m = EDGE.matcher(line);
            if (m.matches()) {
                String where = m.group(3).equals(jarName) ? "jar" : m.group(3);
                EDGES.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(new String[] {m.group(2), where});
            }
        }
    }

    @Test
    void everyClassOurCodeCanReachIsInTheJarOrTheJdk() {
        Set<String> reached = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        EDGES.keySet().stream().filter(c -> c.startsWith("io.wkmp.")).forEach(todo::add);
        assertThat(todo).as("our own classes in the jar").hasSizeGreaterThan(100);
        Set<String> missing = new TreeSet<>();
        while (!todo.isEmpty()) {
            String c = todo.poll();
            if (!reached.add(c)) {
                continue;
            }
            for (String[] edge : EDGES.getOrDefault(c, List.of())) {
                if (edge[1].equals("not found")) {
                    if (OPTIONAL.keySet().stream().noneMatch(edge[0]::startsWith)) {
                        missing.add(edge[0] + "   (needed by " + c + ")");
                    }
                } else if (edge[1].equals("jar")) {
                    todo.add(edge[0]);
                }
            }
        }
        assertThat(missing)
                .as("classes our code needs that wkmp-ai.jar lacks (a dependency left out, e.g. by a test scope)")
                .isEmpty();
        // the walk really goes through the libraries (else an empty result would prove nothing)
        assertThat(reached)
                .contains(
                        "okhttp3.OkHttpClient",
                        "okio.Buffer",
                        "dev.failsafe.RetryPolicy",
                        "org.sqlite.SQLiteDataSource",
                        "org.jdbi.v3.core.Jdbi",
                        "io.javalin.Javalin",
                        "com.sun.jna.Native",
                        "picocli.CommandLine");
    }

    @Test
    void theJarCarriesTheNativeLibrariesTheWebUiAndTheServiceFiles() throws Exception {
        try (ZipFile zip = new ZipFile(WkmpProcess.jar().toFile())) {
            for (String entry : List.of(
                    "org/sqlite/native/Linux/x86_64/libsqlitejdbc.so",
                    "com/sun/jna/linux-x86-64/libjnidispatch.so",
                    "public/index.html",
                    "META-INF/services/org.slf4j.spi.SLF4JServiceProvider")) {
                assertThat(zip.getEntry(entry)).as(entry).isNotNull();
            }
        }
    }
}
