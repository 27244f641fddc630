package newsflow.lab.taxonomy;

import newsflow.enrich.classify.LabeledText;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static newsflow.enrich.taxonomy.TinyTaxonomies.threeFamiliesHybrid;
import static org.assertj.core.api.Assertions.assertThat;

class HybridEvaluationTest {

    @Test
    void evaluationCountsItemsGivenAnUncoveredTopicPerThresholdAndReportsUnmappedLabelsApart() {
        List<LabeledText> items = List.of(
                new LabeledText("1", "", "Showers and wind in the forecast.", List.of("wx")),
                new LabeledText("2", "", "Showers in the forecast, food and bread at the fair.", List.of("wx")),
                new LabeledText("3", "", "The station on the line opens.", List.of("tr")),
                new LabeledText("4", "", "Bread and food prices.", List.of("market")));

        HybridEvaluation.Report report = HybridEvaluation.evaluate(threeFamiliesHybrid(0.3), items,
                Map.of("wx", "weather", "tr", "transport"), List.of(0.3, 1.1));

        assertThat(report.items()).isEqualTo(3);
        assertThat(report.thresholds().get(0).withUncovered()).isEqualTo(1 / 3.0);
        assertThat(report.thresholds().get(1).withUncovered()).isZero();
        assertThat(report.thresholds().get(1).top1()).isEqualTo(1.0);
        assertThat(report.unmapped()).containsOnlyKeys("market");
        assertThat(report.unmapped().get("market").withUncovered()).isEqualTo(1);
        assertThat(report.unmapped().get("market").uncoveredGiven()).containsEntry("food", 1);
        assertThat(report.uncoveredGiven()).containsOnly(Map.entry("food", 1));
        assertThat(report.format()).contains("with uncovered", "label market");
    }
}
