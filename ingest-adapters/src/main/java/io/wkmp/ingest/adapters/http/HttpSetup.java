package io.wkmp.ingest.adapters.http;

import io.wkmp.ingest.core.params.ImportParameters;
import java.time.Duration;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;

/** Builds the one OkHttpClient an engine's services share, and the User-Agent every service sees. */
public final class HttpSetup {
    /** Application name and version sent in the User-Agent. */
    public static final String APPLICATION = "wkmp-ai/0.1.0";

    private HttpSetup() {}

    /**
     * A client with the {@code http_timeout_ms} call timeout that tells each request's {@link RequestGate} ticket
     * when the request actually goes out; share it (it pools connections and threads).
     */
    public static OkHttpClient sharedClient(ServiceSettings settings) {
        Duration timeout = Duration.ofMillis(settings.timeoutMs());
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

    /** {@link #sharedClient(ServiceSettings)} with the service settings of {@code params}. */
    public static OkHttpClient sharedClient(ImportParameters params) {
        return sharedClient(ServiceSettings.of(params));
    }

    /** {@code wkmp-ai/0.1.0 ( contact )}, as MusicBrainz requires. */
    public static String userAgent(ServiceSettings settings) {
        return APPLICATION + " ( " + settings.contact() + " )";
    }
}
