package io.wkmp.ingest.server;

import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a request Jetty refuses before any route sees it: a malformed request line, headers
 * too large, a bad URI) in the API's JSON error body instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        String text = code == 500
                ? ErrorBody.INTERNAL_MESSAGE
                : message == null || message.isBlank() ? "the request was refused (HTTP " + code + ")" : message;
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ErrorBody.CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(ErrorBody.bytes(ErrorBody.codeOf(code), text, Map.of())), callback);
    }
}
