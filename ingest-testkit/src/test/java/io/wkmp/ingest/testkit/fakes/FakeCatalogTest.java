package io.wkmp.ingest.testkit.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FakeCatalogTest {
    private static final int[] FP = new Random(21).ints(600).toArray();

    private static FakeCatalog catalog() {
        return FakeCatalog.builder()
                .artist("a", "A")
                .recording("r", "R", 74_000, "a", null, FP, Map.of())
                .release("rel", "Rel", "2020", "a", List.of("r"))
                .build();
    }

    @Test
    void aQueryStartingSecondsIntoTheRecordingMatchesAsOnAcoustId() {
        // leading silence trimmed: the query starts 40 items (about 5 s) into the recording
        List<FakeCatalog.Match> m = catalog().matchFingerprint(Arrays.copyOfRange(FP, 40, FP.length), 70);
        assertThat(m).hasSize(1);
        assertThat(m.get(0).similarity()).isEqualTo(1.0);
        // and the other way round: the query has 30 items the recording lacks at its start
        int[] longer = new int[FP.length + 30];
        System.arraycopy(new Random(5).ints(30).toArray(), 0, longer, 0, 30);
        System.arraycopy(FP, 0, longer, 30, FP.length);
        assertThat(catalog().matchFingerprint(longer, 74)).hasSize(1);
    }

    @Test
    void alignmentStopsAtAcoustIdsLimitAndUnrelatedAudioNeverMatches() {
        int beyond = FakeCatalog.MAX_OFFSET_ITEMS + 10;
        assertThat(catalog().matchFingerprint(Arrays.copyOfRange(FP, beyond, FP.length), 74))
                .isEmpty();
        assertThat(catalog().matchFingerprint(new Random(22).ints(600).toArray(), 74))
                .isEmpty();
    }
}
