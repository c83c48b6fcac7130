package io.wkmp.ingest.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TicksTest {

    @ParameterizedTest(name = "{0} Hz -> {1} ticks per sample")
    @CsvSource({
        "8000,3528",
        "11025,2560",
        "16000,1764",
        "22050,1280",
        "32000,882",
        "44100,640",
        "48000,588",
        "88200,320",
        "96000,294",
        "176400,160",
        "192000,147"
    })
    void everyWkmpRateIsExact(int rate, long perSample) {
        assertThat(Ticks.isExactRate(rate)).isTrue();
        assertThat(Ticks.perSample(rate)).isEqualTo(perSample);
        assertThat(Ticks.fromSamples(rate, rate)).isEqualTo(Ticks.PER_SECOND);
        assertThat(Ticks.fromSamples(12_345, rate)).isEqualTo(12_345 * perSample);
        assertThat(Ticks.toSamples(Ticks.fromSamples(987_654, rate), rate)).isEqualTo(987_654);
    }

    @Test
    void tableListsTheElevenWkmpRates() {
        assertThat(Ticks.WKMP_RATES).hasSize(11);
        for (int rate : Ticks.WKMP_RATES) {
            assertThat(Ticks.PER_SECOND % rate).isZero();
        }
    }

    @Test
    void otherRatesRoundHalfUp() {
        // 37,800 Hz: 28,224,000 / 37,800 = 746.666.. ticks per sample
        assertThat(Ticks.isExactRate(37_800)).isFalse();
        assertThat(Ticks.fromSamples(1, 37_800)).isEqualTo(747); // 746.67 -> 747
        assertThat(Ticks.fromSamples(3, 37_800)).isEqualTo(2240); // exactly 2240
        assertThat(Ticks.fromSamples(37_800, 37_800)).isEqualTo(Ticks.PER_SECOND);
        // 44,056 Hz (NTSC-derived): 28,224,000/44,056 = 640.639...
        assertThat(Ticks.fromSamples(2, 44_056)).isEqualTo(1281); // 1281.28 -> 1281
        assertThatThrownBy(() -> Ticks.perSample(37_800))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sample rate 37800 Hz does not divide 28224000 ticks/s; use fromSamples");
    }

    @Test
    void twentyFourHourFilesDoNotOverflow() {
        long day192k = 24L * 3600 * 192_000;
        assertThat(Ticks.fromSamples(day192k, 192_000)).isEqualTo(24L * 3600 * Ticks.PER_SECOND);
        long day37k = 24L * 3600 * 37_800;
        assertThat(Ticks.fromSamples(day37k, 37_800)).isEqualTo(24L * 3600 * Ticks.PER_SECOND);
        assertThat(Ticks.toSamples(24L * 3600 * Ticks.PER_SECOND, 192_000)).isEqualTo(day192k);
        // far beyond a day: the 128-bit path still rounds correctly
        long huge = Long.MAX_VALUE / 1000;
        assertThat(Ticks.fromSamples(huge, 37_800 * 1000)).isPositive();
    }

    @Test
    void secondsAndMillisecondsHelpers() {
        assertThat(Ticks.fromSeconds(1.5)).isEqualTo(42_336_000);
        assertThat(Ticks.fromSeconds(0.1)).isEqualTo(2_822_400);
        assertThat(Ticks.fromMillis(300)).isEqualTo(8_467_200);
        assertThat(Ticks.toMillis(8_467_200)).isEqualTo(300);
        assertThat(Ticks.toMillis(14_111)).isZero(); // 0.49996 ms
        assertThat(Ticks.toMillis(14_112)).isEqualTo(1); // 0.5 ms rounds up
        assertThat(Ticks.toSeconds(141_120_000)).isEqualTo(5.0);
        assertThat(Ticks.format(Ticks.fromMillis(62_345))).isEqualTo("1:02.345");
        assertThat(Ticks.format(Ticks.fromSeconds(3723.5))).isEqualTo("1:02:03.500");
    }

    @Test
    void badValuesAreRefusedWithClearMessages() {
        assertThatThrownBy(() -> Ticks.fromSeconds(Double.NaN)).hasMessage("seconds must be a finite number, got NaN");
        assertThatThrownBy(() -> Ticks.fromSeconds(Double.POSITIVE_INFINITY))
                .hasMessage("seconds must be a finite number, got Infinity");
        assertThatThrownBy(() -> Ticks.fromSeconds(-0.5)).hasMessage("seconds must be >= 0, got -0.5");
        assertThatThrownBy(() -> Ticks.fromSamples(-1, 44_100)).hasMessage("sample count must be >= 0, got -1");
        assertThatThrownBy(() -> Ticks.fromSamples(1, 0)).hasMessage("sample rate must be > 0 Hz, got 0");
        assertThatThrownBy(() -> Ticks.toSamples(-5, 44_100)).hasMessage("ticks must be >= 0 ticks, got -5");
        assertThatThrownBy(() -> Ticks.fromMillis(-1)).hasMessage("milliseconds must be >= 0, got -1");
        assertThatThrownBy(() -> Ticks.requireNonNegative(-3, "lead_in_start_ticks"))
                .hasMessage("lead_in_start_ticks must be >= 0 ticks, got -3");
    }
}
