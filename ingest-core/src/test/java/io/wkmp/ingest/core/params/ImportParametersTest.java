package io.wkmp.ingest.core.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportParametersTest {

    @Test
    void defaultsFollowTheSpecAndDecisions() {
        ImportParameters p = ImportParameters.defaults();
        assertThat(p.decimal(Parameter.SILENCE_THRESHOLD_DBFS)).isEqualTo(-50.0);
        assertThat(p.decimal(Parameter.SINGLE_WEIGHT_METADATA)).isEqualTo(0.3);
        assertThat(p.decimal(Parameter.SINGLE_WEIGHT_FINGERPRINT)).isEqualTo(0.6);
        assertThat(p.decimal(Parameter.SINGLE_WEIGHT_DURATION)).isEqualTo(0.1);
        assertThat(p.decimal(Parameter.SINGLE_ACCEPT_THRESHOLD)).isEqualTo(0.85);
        assertThat(p.decimal(Parameter.MULTI_REVIEW_THRESHOLD)).isEqualTo(0.65);
        assertThat(p.integer(Parameter.FINGERPRINT_DURATION_S)).isEqualTo(120);
        assertThat(p.integer(Parameter.MUSICBRAINZ_RATE_LIMIT_MS)).isEqualTo(1000);
        assertThat(p.text(Parameter.MUSICBRAINZ_BASE_URL)).isEqualTo("https://musicbrainz.org/ws/2");
        assertThat(p.bool(Parameter.FETCH_COVER_ART)).isTrue();
    }

    @Test
    void everyParameterHasAUniqueKeyAndAValidDefault() {
        List<String> keys = new ArrayList<>();
        for (Parameter q : Parameter.values()) {
            keys.add(q.key());
            assertThat(Parameter.byKey(q.key())).contains(q);
            assertThat(q.parse(q.defaultText())).isNotNull();
        }
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(ImportParameters.defaults().toSettings()).hasSize(Parameter.values().length);
    }

    @Test
    void thresholdsAboveZeroDbAreRefused() {
        assertThatThrownBy(() -> ImportParameters.parse(Map.of("silence_threshold_dbfs", "3")))
                .isInstanceOf(ParameterException.class)
                .hasMessage("silence_threshold_dbfs must be within [-100, 0] dBFS, got 3");
        assertThatThrownBy(() -> ImportParameters.parse(Map.of("lead_in_threshold_db", "-101")))
                .hasMessage("lead_in_threshold_db must be within [-100, 0] dB re passage peak, got -101");
    }

    @Test
    void malformedValuesAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> ImportParameters.parse(Map.of("silence_threshold_dbfs", "NaN")))
                .hasMessage("silence_threshold_dbfs must be within [-100, 0] dBFS, got NaN");
        assertThatThrownBy(() -> ImportParameters.parse(Map.of("silence_min_duration_ms", "abc")))
                .hasMessage("silence_min_duration_ms must be a whole number, got 'abc'");
        assertThatThrownBy(() -> ImportParameters.parse(Map.of("ai_processing_thread_count", "-2")))
                .hasMessage("ai_processing_thread_count must be within [0, 64] workers, got -2");
        assertThatThrownBy(() -> ImportParameters.parse(Map.of("fetch_cover_art", "maybe")))
                .hasMessage("fetch_cover_art must be true or false, got 'maybe'");
        assertThatThrownBy(() -> ImportParameters.parse(Map.of("musicbrainz_base_url", "ftp://x.org")))
                .hasMessage("musicbrainz_base_url must be an http:// or https:// URL, got 'ftp://x.org'");
        assertThatThrownBy(() -> ImportParameters.parse(Map.of("silence_threshold_dbfs", " ")))
                .hasMessage("silence_threshold_dbfs must not be empty");
        assertThatThrownBy(() -> ImportParameters.parse(Map.of("no_such_thing", "1")))
                .hasMessage("unknown parameter 'no_such_thing'");
    }

    @Test
    void weightsMustSumToOne() {
        assertThatThrownBy(() -> ImportParameters.parse(Map.of("confidence_single_weight_metadata", "0.4")))
                .isInstanceOf(ParameterException.class)
                .hasMessage(
                        "confidence_single_weight_* weights must sum to 1.0, got 1.1 (confidence_single_weight_metadata=0.4"
                                + " + confidence_single_weight_fingerprint=0.6 + confidence_single_weight_duration=0.1)");
        ImportParameters ok = ImportParameters.parse(
                Map.of("confidence_single_weight_metadata", "0.4", "confidence_single_weight_fingerprint", "0.5"));
        assertThat(ok.decimal(Parameter.SINGLE_WEIGHT_FINGERPRINT)).isEqualTo(0.5);
        assertThatThrownBy(() -> ImportParameters.parse(Map.of("release_weight_track_count", "0.5")))
                .hasMessageStartingWith("release_weight_* weights must sum to 1.0, got 1.1");
    }

    @Test
    void reviewMustNotExceedAccept() {
        assertThatThrownBy(() -> ImportParameters.parse(Map.of("confidence_single_review", "0.9")))
                .hasMessage("confidence_single_review (0.9) must not be above confidence_single_accept (0.85)");
    }

    @Test
    void lenientReadingReportsBadStoredValuesAndUsesDefaults() {
        List<String> problems = new ArrayList<>();
        ImportParameters p = ImportParameters.fromSettings(
                Map.of(
                        "silence_threshold_dbfs", "35.0", // legacy positive value
                        "silence_min_duration_ms", "1500",
                        "confidence_multi_weight_pattern", "0.9", // breaks the sum rule
                        "some_other_module_key", "x"),
                problems::add);
        assertThat(p.decimal(Parameter.SILENCE_THRESHOLD_DBFS)).isEqualTo(-50.0);
        assertThat(p.integer(Parameter.SILENCE_MIN_DURATION_MS)).isEqualTo(1500);
        assertThat(p.decimal(Parameter.MULTI_WEIGHT_PATTERN)).isEqualTo(0.2);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0))
                .isEqualTo(
                        "setting silence_threshold_dbfs must be within [-100, 0] dBFS, got 35.0; using the default -50");
        assertThat(problems.get(1)).startsWith("settings confidence_multi_weight_* weights must sum to 1.0");
    }

    @Test
    void workersDefaultToProcessorsClampedToTwoToEight() {
        ImportParameters p = ImportParameters.defaults();
        assertThat(p.effectiveWorkers(1)).isEqualTo(2);
        assertThat(p.effectiveWorkers(4)).isEqualTo(4);
        assertThat(p.effectiveWorkers(32)).isEqualTo(8);
        assertThat(p.with(Parameter.WORKER_COUNT, "3").effectiveWorkers(32)).isEqualTo(3);
    }

    @Test
    void settingsRoundTrip() {
        ImportParameters p = ImportParameters.defaults()
                .with(Map.of("silence_threshold_dbfs", "-60", "musicbrainz_base_url", "http://127.0.0.1:5000/ws/2/"));
        ImportParameters back = ImportParameters.parse(p.toSettings());
        assertThat(back).isEqualTo(p);
        assertThat(back.text(Parameter.MUSICBRAINZ_BASE_URL)).isEqualTo("http://127.0.0.1:5000/ws/2");
    }
}
