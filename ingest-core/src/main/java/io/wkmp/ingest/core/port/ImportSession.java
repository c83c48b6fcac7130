package io.wkmp.ingest.core.port;

import io.wkmp.ingest.core.session.ImportEvent;
import io.wkmp.ingest.core.session.SessionStatus;
import java.time.Duration;
import java.util.List;

/** A running or finished import. Thread-safe. */
public interface ImportSession {
    String id();

    /** The current snapshot. */
    SessionStatus status();

    /** Events with a sequence number greater than {@code afterSequence}, oldest first (0 = all kept). */
    List<ImportEvent.Sequenced> eventsSince(long afterSequence);

    /** Adds a listener told of every later event, in order. */
    void subscribe(ImportEvents listener);

    /**
     * Adds a listener told first of the logged events after {@code afterSequence} (0: from the start), then of
     * every later one, in order; none is missed or told twice, however early or late it subscribes.
     */
    void subscribe(ImportEvents listener, long afterSequence);

    void unsubscribe(ImportEvents listener);

    /** Stops the import: between stages, decoders reaped, committed files kept. No-op when finished. */
    void cancel();

    /**
     * Answers the AcoustID key prompt of a PAUSED session with a new key, validated by a test call first.
     *
     * @return false (and the session stays PAUSED) when the key is refused
     * @throws io.wkmp.ingest.core.error.LookupUnavailableException when AcoustID cannot be reached to check the key;
     *     the session stays PAUSED and the key is not used
     */
    boolean provideAcoustIdKey(String apiKey);

    /** Answers the AcoustID key prompt by going on without AcoustID for the rest of this session. */
    void skipAcoustId();

    /** Waits until the session reaches a terminal state or {@code timeout} passes; returns the last status. */
    SessionStatus await(Duration timeout) throws InterruptedException;
}
