package io.wkmp.ingest.core.session;

import java.util.EnumSet;
import java.util.Set;

/** States of an import session (spec AIA-WF-010, plus PAUSED for the AcoustID key prompt, AIA-SEC-030). */
public enum SessionState {
    SCANNING,
    PROCESSING,
    PAUSED,
    COMPLETED,
    CANCELLED,
    FAILED;

    /** COMPLETED, CANCELLED and FAILED are final. */
    public boolean isTerminal() {
        return this == COMPLETED || this == CANCELLED || this == FAILED;
    }

    /** The states this one may move to. PAUSED returns to the state it paused (checked by {@link SessionLifecycle}). */
    public Set<SessionState> successors() {
        switch (this) {
            case SCANNING:
                return EnumSet.of(PROCESSING, PAUSED, CANCELLED, FAILED);
            case PROCESSING:
                return EnumSet.of(COMPLETED, PAUSED, CANCELLED, FAILED);
            case PAUSED:
                return EnumSet.of(SCANNING, PROCESSING, CANCELLED, FAILED);
            default:
                return EnumSet.noneOf(SessionState.class);
        }
    }

    public boolean canMoveTo(SessionState next) {
        return successors().contains(next);
    }
}
