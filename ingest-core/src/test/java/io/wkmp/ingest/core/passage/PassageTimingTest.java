package io.wkmp.ingest.core.passage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PassageTimingTest {

    @Test
    void acceptsBothChainsWithCoincidingPoints() {
        PassageTiming t = new PassageTiming(100L, 1000L, 200L, 900L, 100L, 300L, 800L);
        assertThat(t.duration()).isEqualTo(900);
        // lead inside fade and equal points are allowed; the two chains are independent
        assertThat(new PassageTiming(0L, 10L, 10L, 10L, 0L, 0L, 10L)).isNotNull();
        assertThat(new PassageTiming(0L, 10L, 2L, 8L, 5L, 9L, 9L)).isNotNull();
    }

    @Test
    void nullPointsAreSkippedInTheChains() {
        PassageTiming t = PassageTiming.bounds(0L, 500L).withLeads(50L, null).withFades(null, 20L, null);
        assertThat(t.leadIn()).isEqualTo(50);
        assertThat(t.fadeInEnd()).isEqualTo(20);
    }

    @Test
    void refusesBrokenBounds() {
        assertThatThrownBy(() -> PassageTiming.bounds(-1, 10)).hasMessage("start_time_ticks must be >= 0, got -1");
        assertThatThrownBy(() -> PassageTiming.bounds(10, 10))
                .hasMessage("end_time_ticks (10) must be greater than start_time_ticks (10)");
    }

    @Test
    void refusesFadeChainViolations() {
        assertThatThrownBy(() -> new PassageTiming(100L, 1000L, null, null, 50L, null, null))
                .hasMessage("fade_in_start_ticks (50) must not be before start_time_ticks (100)");
        assertThatThrownBy(() -> new PassageTiming(0L, 1000L, null, null, 300L, 200L, null))
                .hasMessage("fade_in_end_ticks (200) must not be before fade_in_start_ticks (300)");
        assertThatThrownBy(() -> new PassageTiming(0L, 1000L, null, null, null, 600L, 500L))
                .hasMessage("fade_out_start_ticks (500) must not be before fade_in_end_ticks (600)");
        assertThatThrownBy(() -> new PassageTiming(0L, 1000L, null, null, null, null, 1001L))
                .hasMessage("end_time_ticks (1000) must not be before fade_out_start_ticks (1001)");
    }

    @Test
    void refusesLeadChainViolations() {
        assertThatThrownBy(() -> new PassageTiming(0L, 1000L, 700L, 600L, null, null, null))
                .hasMessage("lead_out_start_ticks (600) must not be before lead_in_start_ticks (700)");
        assertThatThrownBy(() -> new PassageTiming(0L, 1000L, null, 1200L, null, null, null))
                .hasMessage("end_time_ticks (1000) must not be before lead_out_start_ticks (1200)");
        assertThatThrownBy(() -> new PassageTiming(500L, 1000L, 400L, null, null, null, null))
                .hasMessage("lead_in_start_ticks (400) must not be before start_time_ticks (500)");
    }
}
