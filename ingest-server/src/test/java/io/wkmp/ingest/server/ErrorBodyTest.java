package io.wkmp.ingest.server;

import static io.wkmp.ingest.server.HttpSupport.reply;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wkmp.ingest.server.HttpSupport.Reply;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every error the server answers, from a route, from Javalin or from Jetty itself, carries the documented JSON
 * body {@code {"error": {"code": …, "message": …}}}.
 */
class ErrorBodyTest {
    @TempDir
    Path root;

    ServerFixture f;

    @BeforeEach
    void start() {
        f = new ServerFixture(root, 0, 15_000);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void aJavaErrorInAHandlerIsAnInternalErrorWithTheJsonBody() throws Exception {
        Reply r = reply(f.post("/acoustid/validate", "{\"api_key\":\"" + ServerFixture.LINKAGE_ERROR_KEY + "\"}"));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.errorCode()).as(r.text()).isEqualTo("INTERNAL_ERROR");
        assertThat(r.errorMessage()).isNotBlank().doesNotContain("okhttp3");
        assertThat(reply(f.get("/health")).status()).as("the server goes on").isEqualTo(200);
    }

    @Test
    void aTooLargeBodyIs413WithTheJsonBody() throws Exception {
        String big = "{\"folder\":\"" + "x".repeat(2_000_000) + "\"}";
        Reply r = reply(f.post("/import/start", big));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.errorCode()).as(r.text()).isEqualTo("CONTENT_TOO_LARGE");
        assertThat(r.errorMessage()).isNotBlank();
        assertThat(f.engine.active()).isEmpty();
    }

    @Test
    void requestsJettyRefusesBeforeAnyRouteGetTheJsonBody() throws Exception {
        String host = "Host: localhost\r\n";
        assertRawError("GET /health HTTP/1.1 trailing-garbage\r\n" + host + "\r\n", 400, "BAD_REQUEST");
        assertRawError("\u0001\u0002garbage\r\n\r\n", 400, "BAD_REQUEST");
        assertRawError("GET /he alth HTTP/1.1\r\n" + host + "\r\n", 400, "BAD_REQUEST");
        assertRawError("GET /health HTTP/9.9\r\n" + host + "\r\n", 505, "HTTP_VERSION_NOT_SUPPORTED");
        assertRawError("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\n" + host + "\r\n", 414, "URI_TOO_LONG");
        assertRawError(
                "GET /health HTTP/1.1\r\n" + host + "X-Big: " + "y".repeat(64 * 1024) + "\r\n\r\n",
                431,
                "REQUEST_HEADER_FIELDS_TOO_LARGE");
        assertRawError(
                "POST /import/start HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n",
                400,
                "BAD_REQUEST");
        assertThat(reply(f.get("/health")).status()).as("the server goes on").isEqualTo(200);
    }

    /** Writes {@code request} on a raw socket and checks the status line and the JSON error body of the answer. */
    private void assertRawError(String request, int status, String code) throws Exception {
        String answer;
        try (Socket s = new Socket("127.0.0.1", f.server.port())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            answer = readAnswer(s.getInputStream());
        }
        assertThat(answer).as(answer).startsWith("HTTP/1.1 " + status + " ");
        int split = answer.indexOf("\r\n\r\n");
        String head = answer.substring(0, split).toLowerCase(Locale.ROOT);
        assertThat(head).as(answer).contains("content-type: application/json");
        JsonNode body = HttpSupport.JSON.readTree(answer.substring(split + 4));
        assertThat(body.path("error").path("code").asText()).as(answer).isEqualTo(code);
        assertThat(body.path("error").path("message").asText()).as(answer).isNotBlank();
    }

    /** The head and the body of one answer (the body by its Content-Length, else up to the end of the stream). */
    private static String readAnswer(InputStream in) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            buf.write(b);
            String sofar = buf.toString(StandardCharsets.ISO_8859_1);
            int split = sofar.indexOf("\r\n\r\n");
            if (split >= 0) {
                String head = sofar.substring(0, split).toLowerCase(Locale.ROOT);
                int at = head.indexOf("content-length:");
                if (at >= 0) {
                    int end = head.indexOf("\r\n", at);
                    long length = Long.parseLong(head.substring(at + 15, end < 0 ? head.length() : end)
                            .trim());
                    buf.write(in.readNBytes((int) length));
                    return buf.toString(StandardCharsets.UTF_8);
                }
            }
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
