package io.wkmp.ingest.core.params;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The parameter table's presentation fields: every parameter has a group and a plain-language label. */
class ParameterTest {
    @Test
    void everyParameterHasAGroupAndAPlainLabelUniqueWithinItsGroup() {
        for (Parameter p : Parameter.values()) {
            assertThat(p.group()).as(p.key()).isNotNull();
            assertThat(p.label()).as(p.key()).isNotBlank().doesNotContain("_").isNotEqualTo(p.key());
            assertThat(Character.isUpperCase(p.label().charAt(0))).as(p.label()).isTrue();
        }
        for (Parameter.Group g : Parameter.Group.values()) {
            Set<String> labels = Arrays.stream(Parameter.values())
                    .filter(p -> p.group() == g)
                    .map(Parameter::label)
                    .collect(Collectors.toSet());
            long count = Arrays.stream(Parameter.values())
                    .filter(p -> p.group() == g)
                    .count();
            assertThat(labels).as(g.title()).hasSize((int) count).isNotEmpty();
        }
    }

    @Test
    void weightsThatMustAddUpToOneShareAGroup() {
        assertThat(EnumSet.of(
                                Parameter.SINGLE_WEIGHT_METADATA,
                                Parameter.SINGLE_WEIGHT_FINGERPRINT,
                                Parameter.SINGLE_WEIGHT_DURATION)
                        .stream()
                        .map(Parameter::group)
                        .distinct())
                .containsExactly(Parameter.Group.SINGLE_FILES);
        assertThat(EnumSet.of(
                                Parameter.RELEASE_WEIGHT_TRACK_COUNT,
                                Parameter.RELEASE_WEIGHT_DURATION,
                                Parameter.RELEASE_WEIGHT_METADATA)
                        .stream()
                        .map(Parameter::group)
                        .distinct())
                .containsExactly(Parameter.Group.ALBUM_MATCH);
    }
}
