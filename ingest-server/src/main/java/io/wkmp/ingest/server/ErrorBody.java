package io.wkmp.ingest.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HttpStatus;
import io.wkmp.ingest.server.wire.ErrorView;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The body of every error answer (docs/api.md, Errors): {@code {"error": {"code": …, "message": …, …}}}, whoever
 * writes it: a route, Javalin or Jetty itself.
 */
final class ErrorBody {
    static final String CONTENT_TYPE = "application/json";
    /** The message of a 5xx: the details go to the server log only. */
    static final String INTERNAL_MESSAGE = "the server failed to answer this request; see its log";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorBody() {}

    /** The body as UTF-8 JSON; {@code extra} fields follow code and message. */
    static byte[] bytes(String code, String message, Map<String, Object> extra) {
        try {
            return JSON.writeValueAsBytes(ErrorView.of(code, message, extra));
        } catch (JsonProcessingException e) {
            return ("{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + INTERNAL_MESSAGE + "\"}}")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * The code of a status no route chose (Javalin's or Jetty's own refusals): {@code INTERNAL_ERROR} for 500, else
     * the status's RFC 9110 name, e.g. {@code BAD_REQUEST}, {@code CONTENT_TOO_LARGE}, {@code URI_TOO_LONG}.
     */
    static String codeOf(int status) {
        if (status == 500) {
            return "INTERNAL_ERROR";
        }
        HttpStatus s = HttpStatus.forStatus(status);
        return s == HttpStatus.UNKNOWN ? "HTTP_" + status : s.name();
    }
}
