package io.wkmp.ingest.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /segments/audio} with and without {@code Range} (RFC 9110 §14): single ranges, suffix ranges and
 * ranges ending at or past the end are 206 with the right bytes; a range starting past the end is 416 at once;
 * a Range the server does not understand is ignored (200, the whole file).
 */
class AudioRangeTest {
    private static final String FILE = "album/track.wav";

    @TempDir
    Path root;

    ServerFixture f;
    byte[] bytes;
    /** A client that gives up long before the fixture's: an answer that never comes fails the test quickly. */
    OkHttpClient impatient;

    @BeforeEach
    void start() throws Exception {
        f = new ServerFixture(root, 0, 15_000);
        TestAudio.write(root.resolve(FILE), 0.1, 2.0); // 350 kB: more than one of Javalin's 128 kB chunks
        bytes = Files.readAllBytes(root.resolve(FILE));
        impatient = f.http.newBuilder().readTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private record Answer(int status, byte[] body, String contentRange, String contentLength, String type) {}

    private Answer get(String range) throws Exception {
        Request.Builder b = new Request.Builder().url(f.base + "/segments/audio?path=" + FILE);
        if (range != null) {
            b.header("Range", range);
        }
        try (Response r = impatient.newCall(b.build()).execute()) {
            return new Answer(
                    r.code(),
                    r.body().bytes(),
                    r.header("Content-Range"),
                    r.header("Content-Length"),
                    r.header("Content-Type"));
        }
    }

    private void assertPart(String range, int first, int last) throws Exception {
        Answer a = get(range);
        assertThat(a.status()).as(range).isEqualTo(206);
        assertThat(a.contentRange()).as(range).isEqualTo("bytes " + first + "-" + last + "/" + bytes.length);
        assertThat(a.contentLength()).as(range).isEqualTo(Integer.toString(last - first + 1));
        assertThat(a.body()).as(range).isEqualTo(Arrays.copyOfRange(bytes, first, last + 1));
        assertThat(a.type()).as(range).startsWith("audio/wav");
    }

    private void assertWhole(String range) throws Exception {
        Answer a = get(range);
        assertThat(a.status()).as(range).isEqualTo(200);
        assertThat(a.contentRange()).as(range).isNull();
        assertThat(a.contentLength()).as(range).isEqualTo(Integer.toString(bytes.length));
        assertThat(a.body()).as(range).isEqualTo(bytes);
    }

    private void assertUnsatisfiable(String range) throws Exception {
        Answer a = get(range);
        assertThat(a.status()).as(range).isEqualTo(416);
        assertThat(a.contentRange()).as(range).isEqualTo("bytes */" + bytes.length);
        JsonNode body = HttpSupport.JSON.readTree(a.body());
        assertThat(body.path("error").path("code").asText()).as(range).isEqualTo("RANGE_NOT_SATISFIABLE");
        assertThat(body.path("error").path("message").asText()).as(range).contains(Integer.toString(bytes.length));
    }

    @Test
    void rangesAreAnsweredPerRfc9110() throws Exception {
        int n = bytes.length;
        assertWhole(null);
        assertPart("bytes=0-3", 0, 3);
        assertPart("bytes=100-", 100, n - 1);
        assertPart("bytes=-50", n - 50, n - 1);
        assertPart("bytes=" + (n - 10) + "-" + (n - 1), n - 10, n - 1);
        assertPart("bytes=" + (n - 1) + "-", n - 1, n - 1);
        assertPart("bytes=10-" + (n + 5000), 10, n - 1);
        assertPart("bytes=-" + (n + 5000), 0, n - 1);
        assertPart("BYTES = 4-7", 4, 7);
    }

    @Test
    void aRangeStartingAtOrPastTheEndIs416AtOnceAndLeavesTheServerIdle() throws Exception {
        int n = bytes.length;
        assertUnsatisfiable("bytes=" + (n + 1000) + "-" + (n + 2000));
        assertUnsatisfiable("bytes=" + n + "-");
        assertUnsatisfiable("bytes=-0");
        long busy = serverCpuMillis(Duration.ofSeconds(1));
        assertThat(busy)
                .as("CPU used by the server's threads in the second after")
                .isLessThan(300);
        assertPart("bytes=0-3", 0, 3);
    }

    @Test
    void aRangeTheServerDoesNotUnderstandIsIgnored() throws Exception {
        for (String garbage : new String[] {
            "bytes=abc",
            "bytes=5-2",
            "items=0-1",
            "bytes=",
            "bytes=-",
            "bytes=1-2,5-6",
            "bytes=--5",
            "0-5",
            "bytes=99999999999999999999-"
        }) {
            assertWhole(garbage);
        }
        Answer a = get("bytes=0-3");
        assertThat(a.status()).isEqualTo(206);
    }

    @Test
    void anEmptyFileHasNoByteToRangeOver() throws Exception {
        Files.write(root.resolve("album/empty.wav"), new byte[0]);
        Request.Builder b = new Request.Builder().url(f.base + "/segments/audio?path=album/empty.wav");
        try (Response r =
                impatient.newCall(b.header("Range", "bytes=0-").build()).execute()) {
            assertThat(r.code()).isEqualTo(416);
            assertThat(r.header("Content-Range")).isEqualTo("bytes */0");
        }
        try (Response r =
                impatient.newCall(b.header("Range", "bytes=-10").build()).execute()) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().bytes()).isEmpty();
        }
    }

    @Test
    void anIfRangeTheServerCannotMatchGetsTheWholeFile() throws Exception {
        try (Response r = impatient
                .newCall(new Request.Builder()
                        .url(f.base + "/segments/audio?path=" + FILE)
                        .header("Range", "bytes=0-3")
                        .header("If-Range", "\"some-etag\"")
                        .build())
                .execute()) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().bytes()).isEqualTo(bytes);
        }
    }

    /** CPU time the server's threads (Jetty's and Javalin's) use during {@code window}. */
    private static long serverCpuMillis(Duration window) throws InterruptedException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long before = serverCpuNanos(mx);
        Thread.sleep(window.toMillis());
        return (serverCpuNanos(mx) - before) / 1_000_000;
    }

    private static long serverCpuNanos(ThreadMXBean mx) {
        long sum = 0;
        for (ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t != null
                    && (t.getThreadName().startsWith("Jetty")
                            || t.getThreadName().startsWith("Javalin"))) {
                sum += Math.max(0, mx.getThreadCpuTime(t.getThreadId()));
            }
        }
        return sum;
    }
}
