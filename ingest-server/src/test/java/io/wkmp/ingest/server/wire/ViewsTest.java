package io.wkmp.ingest.server.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wkmp.ingest.core.library.StoredFile;
import io.wkmp.ingest.core.library.StoredPassage;
import io.wkmp.ingest.core.passage.PassageTiming;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The file view and the error body serialize to the shapes docs/api.md documents. */
class ViewsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static StoredFile file(String evidence) {
        StoredPassage p = new StoredPassage(
                "p1",
                new PassageTiming(0, 100, null, 90L, null, null, null),
                "T",
                "A",
                null,
                "mb1",
                "fp",
                "ACCEPT",
                0.9,
                evidence,
                null);
        return new StoredFile("f1", "a/b.flac", -1, "flac", 44100, 2, "INGEST COMPLETE", "A", "T", null, List.of(p));
    }

    private static final String FILE_HEAD = "{\"path\":\"a/b.flac\",\"guid\":\"f1\",\"status\":\"INGEST COMPLETE\","
            + "\"format\":\"flac\",\"sample_rate\":44100,\"channels\":2,\"duration_ticks\":null,"
            + "\"duration_seconds\":null,\"artist\":\"A\",\"title\":\"T\",\"album\":null,\"passages\":[{\"guid\":\"p1\","
            + "\"title\":\"T\",\"artist\":\"A\",\"album\":null,\"timing\":{\"start_time_ticks\":0,\"end_time_ticks\":100,"
            + "\"lead_in_start_ticks\":null,\"lead_out_start_ticks\":90,\"fade_in_start_ticks\":null,"
            + "\"fade_in_end_ticks\":null,\"fade_out_start_ticks\":null}";

    @Test
    void withoutIdentificationAPassageHasNoIdentificationFieldsAtAll() throws Exception {
        assertThat(JSON.writeValueAsString(FileView.of(file("{\"x\":1}"), false)))
                .isEqualTo(FILE_HEAD + "}]}");
    }

    @Test
    void withIdentificationStoredJsonIsJsonAndBrokenJsonIsText() throws Exception {
        String ids = ",\"recording_mbid\":\"mb1\",\"fingerprint\":\"fp\",\"identification\":{\"decision\":\"ACCEPT\","
                + "\"confidence\":0.9,\"evidence\":%s},\"import_metadata\":null}]}";
        assertThat(JSON.writeValueAsString(FileView.of(file("{\"x\":1}"), true)))
                .isEqualTo(FILE_HEAD + ids.formatted("{\"x\":1}"));
        assertThat(JSON.writeValueAsString(FileView.of(file("{broken"), true)))
                .isEqualTo(FILE_HEAD + ids.formatted("\"{broken\""));
    }

    @Test
    void anErrorsExtraFieldsFollowCodeAndMessageInTheirOrder() throws Exception {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("parameter", "silence_threshold_dbfs");
        extra.put("field", "value");
        assertThat(JSON.writeValueAsString(ErrorView.of("INVALID_PARAMETER", "bad", extra)))
                .isEqualTo("{\"error\":{\"code\":\"INVALID_PARAMETER\",\"message\":\"bad\","
                        + "\"parameter\":\"silence_threshold_dbfs\",\"field\":\"value\"}}");
        assertThat(JSON.writeValueAsString(ErrorView.of("NOT_FOUND", "gone", Map.of())))
                .isEqualTo("{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"gone\"}}");
    }

    @Test
    void everyParameterCarriesItsDefinitionAndSavedIsAbsentUntilASave() throws Exception {
        com.fasterxml.jackson.databind.JsonNode view = JSON.readTree(JSON.writeValueAsString(
                ParametersView.of(io.wkmp.ingest.core.params.ImportParameters.defaults(), List.of())));
        assertThat(view.has("saved")).isFalse();
        assertThat(view.path("valid").asBoolean()).isTrue();
        com.fasterxml.jackson.databind.JsonNode silence = null;
        for (com.fasterxml.jackson.databind.JsonNode p : view.path("parameters")) {
            assertThat(p.properties().stream().map(Map.Entry::getKey).toList())
                    .containsExactly(
                            "key",
                            "group",
                            "label",
                            "kind",
                            "unit",
                            "value",
                            "default",
                            "min",
                            "max",
                            "range",
                            "description");
            if (p.path("key").asText().equals("silence_threshold_dbfs")) {
                silence = p;
            }
        }
        assertThat(silence).isNotNull();
        assertThat(Double.parseDouble(silence.path("value").asText()))
                .isEqualTo(Double.parseDouble(silence.path("default").asText()));
        assertThat(silence.path("min").isNumber()).isTrue();
        assertThat(view.path("groups").get(0).path("id").asText()).matches("[a-z_]+");
        String saved = JSON.writeValueAsString(ParametersView.of(
                io.wkmp.ingest.core.params.ImportParameters.defaults(), List.of("silence_threshold_dbfs")));
        assertThat(JSON.readTree(saved).path("saved").get(0).asText()).isEqualTo("silence_threshold_dbfs");
    }
}
