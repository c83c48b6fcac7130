package io.wkmp.ingest.core.session;

import io.wkmp.ingest.core.error.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of one import session and its legal moves. Illegal moves throw {@link IllegalStateException};
 * terminal states are final. Thread-safe: moves are serialised, and the listener is called in move order
 * while the lock is held, so it must be quick and must not call back into this object.
 */
public final class SessionLifecycle {
    /** Told of every move. */
    @FunctionalInterface
    public interface Listener {
        void moved(SessionState from, SessionState to, Instant at);
    }

    /** Why a session FAILED. */
    public record Failure(ErrorCode code, String message, Instant at) {}

    private final Clock clock;
    private final Listener listener;
    private SessionState state = SessionState.SCANNING;
    private SessionState pausedFrom;
    private String pauseReason;
    private Failure failure;

    public SessionLifecycle(Clock clock, Listener listener) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public synchronized SessionState state() {
        return state;
    }

    /** Why the session failed, once it has. */
    public synchronized Optional<Failure> failure() {
        return Optional.ofNullable(failure);
    }

    /** Why the session is paused, while it is. */
    public synchronized Optional<String> pauseReason() {
        return state == SessionState.PAUSED ? Optional.of(pauseReason) : Optional.empty();
    }

    /** SCANNING -> PROCESSING. */
    public synchronized void beginProcessing() {
        move(SessionState.PROCESSING);
    }

    /** PROCESSING -> COMPLETED. */
    public synchronized void complete() {
        move(SessionState.COMPLETED);
    }

    /** SCANNING or PROCESSING -> PAUSED, remembering where to resume. */
    public synchronized void pause(String reason) {
        SessionState from = state;
        requireMove(SessionState.PAUSED);
        pausedFrom = from;
        pauseReason = reason == null ? "paused" : reason;
        move(SessionState.PAUSED);
    }

    /** PAUSED -> the state it paused. */
    public synchronized void resume() {
        if (state != SessionState.PAUSED) {
            throw new IllegalStateException("cannot resume a session that is " + state + ", only one that is PAUSED");
        }
        move(pausedFrom);
    }

    /** Any non-terminal state -> CANCELLED. */
    public synchronized void cancel() {
        move(SessionState.CANCELLED);
    }

    /** Any non-terminal state -> FAILED, with the reason. */
    public synchronized void fail(ErrorCode code, String message) {
        Objects.requireNonNull(code, "code");
        requireMove(SessionState.FAILED);
        failure = new Failure(code, message == null ? code.description() : message, clock.instant());
        move(SessionState.FAILED);
    }

    private void requireMove(SessionState next) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("illegal session transition " + state + " -> " + next
                    + (state.isTerminal() ? " (" + state + " is final)" : ""));
        }
    }

    private void move(SessionState next) {
        requireMove(next);
        SessionState from = state;
        state = next;
        listener.moved(from, next, clock.instant());
    }
}
