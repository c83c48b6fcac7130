package io.wkmp.ingest.server;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A request refused with an HTTP status, a stable error code and a human message (rendered as the JSON error envelope). */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final Map<String, Object> extra = new LinkedHashMap<>();

    public ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(404, code, message);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message);
    }

    /** Adds a field to the error object after code and message, e.g. the parameter or field at fault. */
    public ApiException with(String key, Object value) {
        extra.put(key, value);
        return this;
    }

    /** The fields added with {@link #with}, in the order they were added. */
    public Map<String, Object> extra() {
        return Collections.unmodifiableMap(extra);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
