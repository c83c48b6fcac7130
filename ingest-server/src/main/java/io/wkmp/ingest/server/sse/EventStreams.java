package io.wkmp.ingest.server.sse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import io.wkmp.ingest.core.port.ImportEvents;
import io.wkmp.ingest.core.port.ImportSession;
import io.wkmp.ingest.core.session.ImportEvent;
import io.wkmp.ingest.server.wire.EventData;
import io.wkmp.ingest.server.wire.SessionView;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams sessions' events to SSE clients. A client first gets every event after the sequence number it
 * last saw (Last-Event-ID or {@code ?after=}); when the session no longer keeps some of those, it gets a
 * {@code progress} snapshot of the current state instead. Session events only wake the client's sender,
 * which reads the session log itself, so nothing is sent twice or out of order. Comments keep idle
 * connections alive. Thread-safe; {@link #close} stops the threads.
 */
public final class EventStreams implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventStreams.class);

    private final ObjectMapper json;
    private final ExecutorService senders = Executors.newFixedThreadPool(4, daemon("sse-send"));
    private final ScheduledExecutorService keepAlive =
            Executors.newSingleThreadScheduledExecutor(daemon("sse-keepalive"));
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();

    public EventStreams(ObjectMapper json, long keepAliveMillis) {
        this.json = json;
        keepAlive.scheduleAtFixedRate(this::ping, keepAliveMillis, keepAliveMillis, TimeUnit.MILLISECONDS);
    }

    /** Serves one SSE connection for {@code session} until the client leaves or the session finishes. */
    public void attach(SseClient client, ImportSession session, long afterSequence) {
        Stream stream = new Stream(client, session, afterSequence);
        client.keepAlive();
        client.onClose(() -> stream.detach());
        streams.add(stream);
        session.subscribe(stream);
        senders.execute(stream::pump);
    }

    /** Open connections, for tests and /health. */
    public int connections() {
        return streams.size();
    }

    private void ping() {
        for (Stream s : streams) {
            senders.execute(() -> s.comment("keep-alive"));
        }
    }

    @Override
    public void close() {
        keepAlive.shutdownNow();
        senders.shutdownNow();
        streams.forEach(Stream::detach);
    }

    /** One client of one session. */
    private final class Stream implements ImportEvents {
        private final SseClient client;
        private final ImportSession session;
        private long lastSent;
        private boolean first = true;
        private volatile boolean done;

        Stream(SseClient client, ImportSession session, long afterSequence) {
            this.client = client;
            this.session = session;
            this.lastSent = afterSequence;
        }

        @Override
        public void publish(ImportEvent event) {
            if (!done) {
                senders.execute(this::pump);
            }
        }

        synchronized void pump() {
            if (done) {
                return;
            }
            List<ImportEvent.Sequenced> events = session.eventsSince(lastSent);
            if (first && lastSent > 0 && (events.isEmpty() || events.get(0).sequence() > lastSent + 1)) {
                send("progress", EventData.snapshot(SessionView.of(session.status())), null);
            }
            first = false;
            for (ImportEvent.Sequenced e : events) {
                if (e.sequence() <= lastSent) {
                    continue;
                }
                send(EventData.name(e.event()), EventData.of(e.event()), Long.toString(e.sequence()));
                lastSent = e.sequence();
                if (e.event() instanceof ImportEvent.Finished) {
                    detach();
                    client.close();
                    return;
                }
            }
        }

        private void send(String name, EventData data, String id) {
            try {
                String text = json.writeValueAsString(data);
                if (id == null) {
                    client.sendEvent(name, text);
                } else {
                    client.sendEvent(name, text, id);
                }
            } catch (JsonProcessingException | UncheckedIOException e) {
                LOG.debug("SSE client of session {} left: {}", session.id(), e.getMessage());
                detach();
            }
        }

        synchronized void comment(String text) {
            if (!done && !client.terminated()) {
                client.sendComment(text);
            }
        }

        void detach() {
            done = true;
            streams.remove(this);
            session.unsubscribe(this);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
