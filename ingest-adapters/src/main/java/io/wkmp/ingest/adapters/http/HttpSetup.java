package io.wkmp.ingest.adapters.http;

import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.params.Parameter;
import java.time.Duration;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;

/** Builds the one OkHttpClient the whole process shares, and the User-Agent every service sees. */
public final class HttpSetup {
    /** Application name and version sent in the User-Agent. */
    public static final String APPLICATION = "wkmp-ai/0.1.0";

    private HttpSetup() {}

    /**
     * A client with the {@code http_timeout_ms} call timeout that tells each request's {@link RequestGate} ticket
     * when the request actually goes out; share it (it pools connections and threads).
     */
    public static OkHttpClient sharedClient(ImportParameters params) {
        Duration timeout = Duration.ofMillis(params.integer(Parameter.HTTP_TIMEOUT_MS));
        return new OkHttpClient.Builder()
                .callTimeout(timeout)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .retryOnConnectionFailure(false)
                .eventListener(new EventListener() {
                    @Override
                    public void requestHeadersStart(Call call) {
                        RequestGate.Ticket ticket = call.request().tag(RequestGate.Ticket.class);
                        if (ticket != null) {
                            ticket.sent();
                        }
                    }
                })
                .build();
    }

    /** {@code wkmp-ai/0.1.0 ( contact )}, as MusicBrainz requires. */
    public static String userAgent(ImportParameters params) {
        return APPLICATION + " ( " + params.text(Parameter.MUSICBRAINZ_CONTACT) + " )";
    }
}
