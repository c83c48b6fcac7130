package io.wkmp.ingest.core.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "The current parameters": the stored settings, read each time, with the program's parsed overrides on top. */
class CurrentParametersTest {
    private final Map<String, String> stored = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    @Test
    void overridesWinAndStoredChangesAreSeen() {
        stored.put("silence_threshold_dbfs", "-45");
        CurrentParameters current = new CurrentParameters(
                () -> stored, ParameterChanges.parse(Map.of("silence_threshold_dbfs", "-55")), problems::add);

        assertThat(current.get().analysis().segmentation().silenceThresholdDbfs())
                .isEqualTo(-55.0);
        assertThat(current.get().analysis().segmentation().rmsWindowMs()).isEqualTo(50);

        stored.put("rms_window_ms", "20");
        assertThat(current.get().analysis().segmentation().rmsWindowMs()).isEqualTo(20);
        assertThat(current.get().analysis().segmentation().silenceThresholdDbfs())
                .isEqualTo(-55.0);
        assertThat(problems).isEmpty();
    }

    @Test
    void storedTextIsParsedOncePerChange() {
        stored.put("silence_threshold_dbfs", "loud");
        CurrentParameters current = new CurrentParameters(() -> stored, ParameterChanges.NONE, problems::add);

        ImportParameters first = current.get();
        assertThat(current.get()).isSameAs(first);
        assertThat(current.get()).isSameAs(first);
        assertThat(first.analysis().segmentation().silenceThresholdDbfs()).isEqualTo(-50.0);
        assertThat(problems).singleElement().asString().contains("silence_threshold_dbfs");

        stored.put("silence_threshold_dbfs", "-60");
        assertThat(current.get().analysis().segmentation().silenceThresholdDbfs())
                .isEqualTo(-60.0);
        assertThat(problems).hasSize(1);
    }

    @Test
    void overridesThatBreakARuleWithTheStoredValuesAreRefused() {
        stored.put("confidence_single_review", "0.5");
        CurrentParameters current = new CurrentParameters(
                () -> stored, ParameterChanges.parse(Map.of("confidence_single_accept", "0.4")), problems::add);

        assertThatThrownBy(current::get)
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("confidence_single_review (0.5) must not be above confidence_single_accept");
    }

    @Test
    void changesAreCheckedWhereTheirTextEnters() {
        assertThatThrownBy(() -> ParameterChanges.NONE.with("silence_threshold_dbfs", "5"))
                .isInstanceOf(ParameterException.class)
                .hasMessage("silence_threshold_dbfs must be within [-100, 0] dBFS, got 5");
        assertThatThrownBy(() -> ParameterChanges.parse(Map.of("volume", "1")))
                .hasMessage("unknown parameter 'volume'");

        ParameterChanges changes = ParameterChanges.NONE
                .with("silence_threshold_dbfs", " -55 ")
                .with("acoustid_base_url", "http://localhost:1/v2/");
        assertThat(changes.toSettings())
                .containsExactly(
                        Map.entry("silence_threshold_dbfs", "-55.0"),
                        Map.entry("acoustid_base_url", "http://localhost:1/v2"));
        ImportParameters applied = ImportParameters.defaults().with(changes);
        assertThat(applied.analysis().segmentation().silenceThresholdDbfs()).isEqualTo(-55.0);
        assertThat(applied.text(Parameter.ACOUSTID_BASE_URL)).isEqualTo("http://localhost:1/v2");
        assertThat(ImportParameters.defaults().with(ParameterChanges.NONE)).isSameAs(ImportParameters.defaults());
    }
}
