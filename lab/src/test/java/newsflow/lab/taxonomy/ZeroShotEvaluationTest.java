package newsflow.lab.taxonomy;

import newsflow.enrich.classify.LabeledText;
import newsflow.enrich.taxonomy.TaxonomyException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static newsflow.enrich.taxonomy.TinyTaxonomies.twoFamiliesZeroShot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZeroShotEvaluationTest {

    @Test
    void evaluationCountsTop1PrecisionAndRecallThroughTheMapping() {
        List<LabeledText> items = List.of(
                new LabeledText("1", "", "rain rain", List.of("wet")),
                new LabeledText("2", "", "tram and rain", List.of("commute")),
                new LabeledText("3", "", "snow", List.of("commute")),
                new LabeledText("4", "", "ferry", List.of("unmapped")));

        ZeroShotEvaluation.Report r = ZeroShotEvaluation.evaluate(twoFamiliesZeroShot(0.5), items,
                Map.of("wet", "weather", "commute", "transport"), List.of(0.5));

        assertThat(r.items()).isEqualTo(3);
        assertThat(r.unmapped()).isEqualTo(1);
        // item 2 ties (tram and rain), the first topic, weather, wins; item 3 is weather: one of three right
        assertThat(r.top1()).isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
        ZeroShotEvaluation.AtThreshold at = r.thresholds().getFirst();
        // assigned: {weather}, {weather, transport}, {weather}: four topics, two of them gold
        assertThat(at.precision()).isEqualTo(0.5);
        assertThat(at.recall()).isCloseTo(2 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(at.labelsPerItem()).isCloseTo(4 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aMappingToANameThatIsNoTopLevelTopicIsRejectedWithTheTopics() {
        assertThatThrownBy(() -> ZeroShotEvaluation.evaluate(twoFamiliesZeroShot(0.5), List.of(), Map.of("wet", "rain"), List.of(0.5)))
                .isInstanceOf(TaxonomyException.class).hasMessageContaining("rain").hasMessageContaining("weather");
    }
}
