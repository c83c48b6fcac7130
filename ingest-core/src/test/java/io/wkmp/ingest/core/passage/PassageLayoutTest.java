package io.wkmp.ingest.core.passage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PassageLayoutTest {
    private static final long S = io.wkmp.ingest.core.time.Ticks.PER_SECOND;

    @Test
    void touchingPassagesInAnyOrderAreFine() {
        assertThatCode(() ->
                        PassageLayout.check(List.of(PassageTiming.bounds(100, 200), PassageTiming.bounds(0, 100)), 200))
                .doesNotThrowAnyException();
    }

    @Test
    void overlapIsRefused() {
        assertThatThrownBy(() -> PassageLayout.check(
                        List.of(PassageTiming.bounds(0, S * 3 / 2), PassageTiming.bounds(S, 2 * S)), 3 * S))
                .hasMessage("passage 2 starts at 0:01.000, before passage 1 ends (0:01.500): passages must not overlap")
                .isInstanceOfSatisfying(
                        TimingException.class,
                        e -> assertThat(e.faults())
                                .containsExactly(
                                        new TimingException.Fault(PassageTiming.bounds(S, 2 * S), "start_time_ticks"),
                                        new TimingException.Fault(
                                                PassageTiming.bounds(0, S * 3 / 2), "end_time_ticks")));
    }

    @Test
    void passingTheEndOfTheFileIsRefused() {
        assertThatThrownBy(() -> PassageLayout.check(List.of(PassageTiming.bounds(0, 301)), 300))
                .hasMessageContaining("after the end of the file (0:00.000)");
        assertThatCode(() -> PassageLayout.check(List.of(PassageTiming.bounds(0, 301)), -1))
                .doesNotThrowAnyException();
    }
}
