package io.wkmp.ingest.core.identification;

import static org.assertj.core.api.Assertions.assertThat;

import io.wkmp.ingest.core.identify.Assessment;
import io.wkmp.ingest.core.identify.ConfidenceAssessor;
import io.wkmp.ingest.core.params.ImportParameters;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The typed breakdown: what the assessor fills in, replacing by name, and the printable table. */
class EvidenceSummaryTest {
    @Test
    void theSingleFormulaIsBrokenDownIntoWeightedComponentsAndPrintsAsATable() {
        Assessment a = new ConfidenceAssessor(ImportParameters.defaults().decisions()).assessSingle(0.2, 0.98, 0.9);
        EvidenceSummary e = a.evidence()
                .with(EvidenceSummary.Component.rule("strong_fingerprint", 0.98, "first"))
                .with(EvidenceSummary.Component.rule("strong_fingerprint", 0.98, "ACCEPT whatever the tags say"));

        assertThat(e.breakdown())
                .extracting(EvidenceSummary.Component::name)
                .containsExactly("metadata", "fingerprint", "duration", "strong_fingerprint");
        double sum = e.breakdown().stream()
                .filter(c -> !Double.isNaN(c.weight()))
                .mapToDouble(c -> c.weight() * c.value())
                .sum();
        assertThat(sum)
                .as("the weighted components add up to the confidence")
                .isCloseTo(a.confidence(), org.assertj.core.data.Offset.offset(1e-9));
        List<String> lines = e.table().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("component").contains("weight", "value", "reason");
        assertThat(lines.get(2)).startsWith("fingerprint").contains("0.60", "0.98");
        assertThat(lines.get(4)).startsWith("strong_fingerprint").contains("rule", "ACCEPT whatever the tags say");
    }
}
