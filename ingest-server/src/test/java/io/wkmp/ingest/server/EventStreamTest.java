package io.wkmp.ingest.server;

import static io.wkmp.ingest.server.HttpSupport.reply;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wkmp.ingest.core.port.ImportSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SSE: many concurrent clients, a client that drops and reconnects with Last-Event-ID, ?after=, keep-alive. */
class EventStreamTest {
    @TempDir
    Path root;

    ServerFixture f;

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void twentyClientsAndAReconnectingOneAllSeeCompletion() throws Exception {
        f = new ServerFixture(root, 40, 15_000);
        f.library("music", 16, "corrupt.wav");
        String id = reply(f.post("/import/start", "{\"folder\":\"music\"}"))
                .body()
                .path("session_id")
                .asText();
        String url = f.base + "/events?session_id=" + id;
        ExecutorService pool = Executors.newFixedThreadPool(21);
        List<Future<SseReader>> clients = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            clients.add(pool.submit(() -> new SseReader().read(f.http, url, null, "completed", 10_000)));
        }
        Future<List<SseReader>> reconnecting = pool.submit(() -> {
            SseReader first = new SseReader().read(f.http, url, null, "completed", 3);
            Thread.sleep(400);
            SseReader second = new SseReader().read(f.http, url, Long.toString(first.lastId()), "completed", 10_000);
            return List.of(first, second);
        });

        ImportSession session = f.engine.session(id).orElseThrow();
        session.await(Duration.ofSeconds(30));
        long finalSequence =
                session.eventsSince(0).get(session.eventsSince(0).size() - 1).sequence();
        for (Future<SseReader> c : clients) {
            SseReader r = c.get(30, TimeUnit.SECONDS);
            assertThat(r.names())
                    .startsWith("state_changed")
                    .endsWith("completed")
                    .contains("progress", "file_problem")
                    .as("a file problem is never named error, the EventSource name of a broken connection")
                    .doesNotContain("error");
            assertThat(r.events.stream().mapToLong(e -> Long.parseLong(e.id())).toArray())
                    .containsExactly(LongStream.rangeClosed(1, finalSequence).toArray());
            JsonNode done =
                    HttpSupport.JSON.readTree(r.events.get(r.events.size() - 1).data());
            assertThat(done.path("type").asText()).isEqualTo("completed");
            assertThat(done.path("session_id").asText()).isEqualTo(id);
            assertThat(done.path("files_processed").asInt()).isEqualTo(17);
            assertThat(done.path("files_failed").asInt()).isEqualTo(1);
            assertThat(done.path("passages_created").asInt()).isEqualTo(16);
            assertThat(done.path("state").asText()).isEqualTo("COMPLETED");
        }
        List<SseReader> parts = reconnecting.get(30, TimeUnit.SECONDS);
        assertThat(parts.get(0).events).hasSize(3);
        List<Long> ids = new ArrayList<>();
        parts.forEach(p -> p.events.forEach(e -> ids.add(Long.parseLong(e.id()))));
        assertThat(ids)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, finalSequence).boxed().toList());
        assertThat(parts.get(1).names()).endsWith("completed");
        pool.shutdownNow();

        JsonNode error = HttpSupport.JSON.readTree(parts.get(1).events.stream()
                .filter(e -> e.name().equals("file_problem"))
                .findFirst()
                .or(() -> parts.get(0).events.stream()
                        .filter(e -> e.name().equals("file_problem"))
                        .findFirst())
                .orElseThrow()
                .data());
        assertThat(error.path("error_code").asText()).isEqualTo("DECODE_ERROR");
        assertThat(error.path("file_path").asText()).isEqualTo("music/corrupt.wav");
        assertThat(error.path("severity").asText()).isEqualTo("SKIP_FILE");
    }

    @Test
    void afterParameterReplaysOnlyNewerEventsOfAFinishedSession() throws Exception {
        f = new ServerFixture(root, 0, 15_000);
        f.library("music", 2);
        String id = reply(f.post("/import/start", "{\"folder\":\"music\"}"))
                .body()
                .path("session_id")
                .asText();
        ImportSession session = f.engine.session(id).orElseThrow();
        session.await(Duration.ofSeconds(20));
        long last =
                session.eventsSince(0).get(session.eventsSince(0).size() - 1).sequence();
        SseReader r = new SseReader()
                .read(f.http, f.base + "/events?session_id=" + id + "&after=" + (last - 1), null, "completed", 100);
        assertThat(r.names()).containsExactly("completed");
        assertThat(r.events.get(0).id()).isEqualTo(Long.toString(last));
        ImportRoutesTest.assertError(
                f.call(new okhttp3.Request.Builder()
                        .url(f.base + "/events?session_id=" + id + "&after=x")
                        .header("Accept", "text/event-stream")),
                400,
                "INVALID_EVENT_ID");
    }

    @Test
    void idleStreamsGetKeepAliveComments() throws Exception {
        f = new ServerFixture(root, 2000, 100);
        f.library("music", 2);
        String id = reply(f.post("/import/start", "{\"folder\":\"music\"}"))
                .body()
                .path("session_id")
                .asText();
        SseReader r = new SseReader().read(f.http, f.base + "/events?session_id=" + id, null, ":", 1000);
        assertThat(r.comments).isEqualTo(1);
        assertThat(r.names()).contains("state_changed");
    }
}
