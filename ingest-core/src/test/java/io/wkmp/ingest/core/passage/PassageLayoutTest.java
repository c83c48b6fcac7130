package io.wkmp.ingest.core.passage;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PassageLayoutTest {
    @Test
    void touchingPassagesInAnyOrderAreFine() {
        assertThatCode(() ->
                        PassageLayout.check(List.of(PassageTiming.bounds(100, 200), PassageTiming.bounds(0, 100)), 200))
                .doesNotThrowAnyException();
    }

    @Test
    void overlapIsRefused() {
        assertThatThrownBy(() ->
                        PassageLayout.check(List.of(PassageTiming.bounds(0, 150), PassageTiming.bounds(100, 200)), 300))
                .hasMessage(
                        "passage 2 starts at 100 ticks, before passage 1 ends (150 ticks): passages must not overlap");
    }

    @Test
    void passingTheEndOfTheFileIsRefused() {
        assertThatThrownBy(() -> PassageLayout.check(List.of(PassageTiming.bounds(0, 301)), 300))
                .hasMessageContaining("after the end of the file (300 ticks)");
        assertThatCode(() -> PassageLayout.check(List.of(PassageTiming.bounds(0, 301)), -1))
                .doesNotThrowAnyException();
    }
}
