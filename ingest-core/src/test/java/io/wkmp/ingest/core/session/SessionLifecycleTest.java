package io.wkmp.ingest.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wkmp.ingest.core.error.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SessionLifecycleTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    private final List<String> moves = new ArrayList<>();
    private final SessionLifecycle session = new SessionLifecycle(clock, (from, to, at) -> moves.add(from + "->" + to));

    @Test
    void happyPathPublishesEveryMove() {
        assertThat(session.state()).isEqualTo(SessionState.SCANNING);
        session.beginProcessing();
        session.complete();
        assertThat(session.state()).isEqualTo(SessionState.COMPLETED);
        assertThat(moves).containsExactly("SCANNING->PROCESSING", "PROCESSING->COMPLETED");
    }

    @Test
    void pauseResumesToThePausedState() {
        session.beginProcessing();
        session.pause("AcoustID refused the API key");
        assertThat(session.state()).isEqualTo(SessionState.PAUSED);
        assertThat(session.pauseReason()).contains("AcoustID refused the API key");
        session.resume();
        assertThat(session.state()).isEqualTo(SessionState.PROCESSING);
        assertThat(session.pauseReason()).isEmpty();
        assertThat(moves).containsExactly("SCANNING->PROCESSING", "PROCESSING->PAUSED", "PAUSED->PROCESSING");
    }

    @Test
    void cancelFromEveryNonTerminalState() {
        session.pause("key");
        session.cancel();
        assertThat(session.state()).isEqualTo(SessionState.CANCELLED);
    }

    @Test
    void failureKeepsItsDetails() {
        session.beginProcessing();
        session.fail(ErrorCode.DISK_FULL, "no space left on /music");
        assertThat(session.state()).isEqualTo(SessionState.FAILED);
        assertThat(session.failure()).hasValueSatisfying(f -> {
            assertThat(f.code()).isEqualTo(ErrorCode.DISK_FULL);
            assertThat(f.message()).isEqualTo("no space left on /music");
            assertThat(f.at()).isEqualTo(clock.instant());
        });
    }

    @Test
    void illegalTransitionsThrow() {
        assertThatThrownBy(session::complete)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("illegal session transition SCANNING -> COMPLETED");
        assertThatThrownBy(session::resume)
                .hasMessage("cannot resume a session that is SCANNING, only one that is PAUSED");
        assertThat(moves).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = SessionState.class,
            names = {"COMPLETED", "CANCELLED", "FAILED"})
    void terminalStatesAreFinal(SessionState terminal) {
        switch (terminal) {
            case COMPLETED:
                session.beginProcessing();
                session.complete();
                break;
            case CANCELLED:
                session.cancel();
                break;
            default:
                session.fail(ErrorCode.DB_WRITE_FAILED, "x");
        }
        assertThat(terminal.isTerminal()).isTrue();
        assertThat(terminal.successors()).isEmpty();
        assertThatThrownBy(session::cancel)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("illegal session transition " + terminal + " -> CANCELLED (" + terminal + " is final)");
        assertThatThrownBy(session::beginProcessing).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> session.pause("x")).isInstanceOf(IllegalStateException.class);
        assertThat(session.state()).isEqualTo(terminal);
    }
}
