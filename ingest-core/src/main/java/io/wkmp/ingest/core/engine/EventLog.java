package io.wkmp.ingest.core.engine;

import io.wkmp.ingest.core.port.ImportEvents;
import io.wkmp.ingest.core.session.ImportEvent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A session's events, numbered from 1, kept so that a client that reconnects can catch up (spec
 * AIA-SSE-010 "Reconnection"). Beyond {@value #MAX_EVENTS} events the oldest progress events are
 * dropped first (a later one supersedes them). Listeners are told in sequence order. Thread-safe.
 */
final class EventLog {
    static final int MAX_EVENTS = 20_000;
    private static final System.Logger LOG = System.getLogger(EventLog.class.getName());

    private final List<ImportEvent.Sequenced> events = new ArrayList<>();
    private final List<ImportEvents> listeners = new CopyOnWriteArrayList<>();
    private long sequence;

    synchronized void publish(ImportEvent event) {
        ImportEvent.Sequenced s = new ImportEvent.Sequenced(++sequence, event);
        events.add(s);
        if (events.size() > MAX_EVENTS) {
            trim();
        }
        for (ImportEvents l : listeners) {
            try {
                l.publish(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "an import event listener failed", e);
            }
        }
    }

    synchronized List<ImportEvent.Sequenced> since(long afterSequence) {
        List<ImportEvent.Sequenced> out = new ArrayList<>();
        for (ImportEvent.Sequenced s : events) {
            if (s.sequence() > afterSequence) {
                out.add(s);
            }
        }
        return out;
    }

    synchronized long lastSequence() {
        return sequence;
    }

    void subscribe(ImportEvents listener) {
        listeners.add(listener);
    }

    /** Replays the kept events after {@code afterSequence} to {@code listener}, then adds it: atomic with publish. */
    synchronized void subscribe(ImportEvents listener, long afterSequence) {
        for (ImportEvent.Sequenced s : since(afterSequence)) {
            try {
                listener.publish(s.event());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "an import event listener failed", e);
            }
        }
        listeners.add(listener);
    }

    void unsubscribe(ImportEvents listener) {
        listeners.remove(listener);
    }

    private void trim() {
        Iterator<ImportEvent.Sequenced> it = events.iterator();
        while (events.size() > MAX_EVENTS * 9 / 10 && it.hasNext()) {
            if (it.next().event() instanceof ImportEvent.Progress) {
                it.remove();
            }
        }
        while (events.size() > MAX_EVENTS) {
            events.remove(0);
        }
    }
}
