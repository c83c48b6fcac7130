package io.wkmp.ingest.core.passage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wkmp.ingest.core.time.Ticks;
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
        assertThatThrownBy(() -> PassageTiming.bounds(-ms(1000), 10))
                .hasMessage("Start (-0:01.000) must not be negative");
        assertThatThrownBy(() -> PassageTiming.bounds(ms(10), ms(10)))
                .hasMessage("End (0:00.010) must be after Start (0:00.010)")
                .isInstanceOfSatisfying(
                        TimingException.class,
                        e -> assertThat(e.faults()).containsExactly(new TimingException.Fault(null, "end_time_ticks")));
    }

    @Test
    void refusesFadeChainViolations() {
        assertThatThrownBy(() -> new PassageTiming(ms(100), ms(1000), null, null, ms(50), null, null))
                .hasMessage("Fade-in start (0:00.050) must not be before Start (0:00.100)");
        assertThatThrownBy(() -> new PassageTiming(0L, ms(1000), null, null, ms(300), ms(200), null))
                .hasMessage("Fade-in end (0:00.200) must not be before Fade-in start (0:00.300)");
        assertThatThrownBy(() -> new PassageTiming(0L, ms(1000), null, null, null, ms(600), ms(500)))
                .hasMessage("Fade-out start (0:00.500) must not be before Fade-in end (0:00.600)");
        assertThatThrownBy(() -> new PassageTiming(0L, ms(1000), null, null, null, null, ms(1001)))
                .hasMessage("End (0:01.000) must not be before Fade-out start (0:01.001)");
    }

    @Test
    void refusesLeadChainViolations() {
        assertThatThrownBy(() -> new PassageTiming(0L, ms(1000), ms(700), ms(600), null, null, null))
                .hasMessage("Lead-out (0:00.600) must not be before Lead-in (0:00.700)");
        assertThatThrownBy(() -> new PassageTiming(0L, ms(1000), null, ms(1200), null, null, null))
                .hasMessage("End (0:01.000) must not be before Lead-out (0:01.200)");
        assertThatThrownBy(() -> new PassageTiming(ms(373_660), ms(400_000), ms(338_688), null, null, null, null))
                .hasMessage("Lead-in (5:38.688) must not be before Start (6:13.660)")
                .isInstanceOfSatisfying(
                        TimingException.class,
                        e -> assertThat(e.faults())
                                .containsExactly(new TimingException.Fault(null, "lead_in_start_ticks")));
    }

    private static long ms(long millis) {
        return millis * Ticks.PER_MILLISECOND;
    }
}
