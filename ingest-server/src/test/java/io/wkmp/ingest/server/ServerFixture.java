package io.wkmp.ingest.server;

import io.wkmp.ingest.adapters.acoustid.ApiKeyResolver;
import io.wkmp.ingest.adapters.ffmpeg.FfmpegAudioDecoder;
import io.wkmp.ingest.core.engine.IngestEngine;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.FileRejectedException;
import io.wkmp.ingest.core.identification.Identification;
import io.wkmp.ingest.core.library.FileImport;
import io.wkmp.ingest.core.library.FileStatus;
import io.wkmp.ingest.core.library.PassageImport;
import io.wkmp.ingest.core.passage.PassageTiming;
import io.wkmp.ingest.core.port.AcoustIdKeys;
import io.wkmp.ingest.core.port.FileDiscovery;
import io.wkmp.ingest.core.port.FileOutcome;
import io.wkmp.ingest.core.port.FilePipeline;
import io.wkmp.ingest.core.port.FileTask;
import io.wkmp.ingest.core.tags.FileTags;
import io.wkmp.ingest.testkit.memory.InMemoryLibraryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The real server on a free port over the real engine, with a scripted per-file pipeline (files whose name
 * holds "corrupt" are rejected, "needs-key" make AcoustID refuse the key once), an in-memory store for the
 * engine, a seeded SQLite database for the file routes and a WAV decoder. Checking the key
 * {@value #LINKAGE_ERROR_KEY} throws a Java {@link Error}, as a class missing from a jar would.
 */
final class ServerFixture implements AutoCloseable {
    static final MediaType JSON = MediaType.get("application/json");
    static final String LINKAGE_ERROR_KEY = "linkage-error";

    final Path root;
    final InMemoryLibraryStore store = new InMemoryLibraryStore();
    /** The key the fake AcoustID key holder was told to use, as the real one it saves it under the setting. */
    private final AtomicReference<String> usedKey = new AtomicReference<>();

    final TestDatabase db;
    final IngestEngine engine;
    final IngestServer server;
    final OkHttpClient http =
            new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();
    final String base;
    final List<String> validatedKeys = new CopyOnWriteArrayList<>();
    private final long perFileMillis;

    ServerFixture(Path root, long perFileMillis, long keepAliveMillis) {
        this.root = root;
        this.perFileMillis = perFileMillis;
        this.db = new TestDatabase(root.resolve("wkmp.db"));
        AcoustIdKeys keys = new AcoustIdKeys() {
            @Override
            public boolean validate(String apiKey) {
                validatedKeys.add(apiKey);
                if (apiKey.equals(LINKAGE_ERROR_KEY)) {
                    throw new NoClassDefFoundError("okhttp3/EventListener");
                }
                return apiKey.equals("good-key");
            }

            @Override
            public void use(String apiKey) {
                usedKey.set(apiKey);
                store.writeSettings(Map.of(ApiKeyResolver.SETTING, apiKey));
            }

            @Override
            public boolean configured() {
                return usedKey.get() != null;
            }
        };
        this.engine = IngestEngine.builder()
                .rootFolder(root)
                .store(store)
                .discovery(this::discover)
                .pipeline(params -> pipeline())
                .acoustIdKeys(keys)
                .processors(2)
                .build();
        this.server = new IngestServer(
                        new ServerContext(root, engine, store, db.queries, new FfmpegAudioDecoder(), keys, "test"),
                        Set.of(),
                        keepAliveMillis)
                .start("127.0.0.1", 0);
        this.base = "http://localhost:" + server.port();
    }

    private List<FileTask> discover(
            Path folder, java.util.function.IntConsumer found, FileDiscovery.Rejections rejected) {
        try (Stream<Path> s = Files.walk(folder)) {
            List<FileTask> tasks = s.filter(p -> p.toString().endsWith(".wav"))
                    .sorted()
                    .map(p -> {
                        try {
                            return new FileTask(
                                    p,
                                    root.relativize(p).toString().replace('\\', '/'),
                                    Files.size(p),
                                    Files.getLastModifiedTime(p).toInstant(),
                                    "WAV");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .collect(Collectors.toList());
            found.accept(tasks.size());
            return tasks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FilePipeline pipeline() {
        return (task, ctx) -> {
            ctx.stage("decode");
            sleep();
            String name = task.relativePath();
            if (name.contains("corrupt")) {
                throw new FileRejectedException(ErrorCode.DECODE_ERROR, "Invalid data found when processing input");
            }
            ctx.stage("identify");
            if (name.contains("needs-key") && ctx.acoustIdKey().enabled()) {
                ctx.acoustIdKey()
                        .refused(
                                "AcoustID refused the API key (error 4)",
                                ctx.acoustIdKey().version());
            }
            sleep();
            List<PassageImport> passages = new ArrayList<>();
            passages.add(new PassageImport(
                    PassageTiming.bounds(0, 28_224_000),
                    "t",
                    "a",
                    "b",
                    null,
                    Identification.pending("offline"),
                    null,
                    null,
                    null,
                    null));
            return new FileOutcome.Imported(
                    new FileImport(
                            name,
                            "h" + name.hashCode(),
                            task.sizeBytes(),
                            task.modifiedAt(),
                            null,
                            28_224_000,
                            "WAV",
                            FileStatus.INGEST_COMPLETE,
                            FileTags.EMPTY,
                            passages,
                            List.of(),
                            null),
                    List.of());
        };
    }

    private void sleep() {
        try {
            Thread.sleep(perFileMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes {@code count} small WAV files into {@code folder} (relative to the root). */
    void library(String folder, int count, String... specialNames) {
        for (int i = 0; i < count; i++) {
            TestAudio.write(root.resolve(folder).resolve(String.format("track_%02d.wav", i + 1)), 0.1, 0.3);
        }
        for (String n : specialNames) {
            TestAudio.write(root.resolve(folder).resolve(n), 0.1, 0.3);
        }
    }

    Response get(String path) throws IOException {
        return http.newCall(new Request.Builder().url(base + path).build()).execute();
    }

    Response post(String path, String json) throws IOException {
        return http.newCall(new Request.Builder()
                        .url(base + path)
                        .post(RequestBody.create(json, JSON))
                        .build())
                .execute();
    }

    Response put(String path, String json) throws IOException {
        return http.newCall(new Request.Builder()
                        .url(base + path)
                        .put(RequestBody.create(json, JSON))
                        .build())
                .execute();
    }

    Response call(Request.Builder request) throws IOException {
        return http.newCall(request.build()).execute();
    }

    @Override
    public void close() {
        engine.active().ifPresent(s -> s.cancel());
        server.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
