package io.wkmp.ingest.server.wire;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of every error answer (docs/api.md, Errors): {@code {"error": {"code": …, "message": …, …}}}; the
 * {@code extra} fields (the parameter or field at fault) follow code and message, in the order they were added.
 */
public record ErrorView(Detail error) {

    public static ErrorView of(String code, String message, Map<String, Object> extra) {
        return new ErrorView(new Detail(code, message, extra));
    }

    /** The error object. */
    public record Detail(
            String code, String message, @JsonAnyGetter Map<String, Object> extra) {
        public Detail {
            extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
        }
    }
}
