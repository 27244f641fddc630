package newsflow.lab.taxonomy;

import newsflow.enrich.classify.FeatureOptions;
import newsflow.enrich.classify.LabeledText;
import newsflow.enrich.classify.Representation;
import newsflow.enrich.classify.TopicModel;
import newsflow.enrich.classify.TrainOptions;
import newsflow.enrich.classify.Trainer;
import newsflow.enrich.embed.TextEmbedder;
import newsflow.enrich.taxonomy.HybridClassifier;
import newsflow.enrich.taxonomy.Prototype;
import newsflow.enrich.taxonomy.Taxonomy;
import newsflow.enrich.taxonomy.WordCountEmbedder;
import newsflow.enrich.taxonomy.ZeroShotClassifier;
import newsflow.enrich.taxonomy.ZeroShotOptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HybridEvaluationTest {

    /** Three families written for this test: the model is trained on weather and transport, food has no data. */
    private static final Taxonomy TINY = WordCountEmbedder.taxonomy("""
            {"attribution": "written for this test", "topics": [
              {"qcode": "t:1", "name": "weather", "definition": "weather",
               "children": [{"qcode": "t:11", "name": "rain", "definition": "rain"}]},
              {"qcode": "t:2", "name": "transport", "definition": "transport",
               "children": [{"qcode": "t:21", "name": "tram", "definition": "tram"}]},
              {"qcode": "t:3", "name": "food", "definition": "food",
               "children": [{"qcode": "t:31", "name": "bread", "definition": "bread"}]}]}""");

    private static final TextEmbedder WORDS = new WordCountEmbedder("weather", "rain", "transport", "tram", "food", "bread");

    private static final String[] WEATHER = {
            "Heavy showers and a cold wind are forecast for the coast on Sunday.",
            "The forecast says a warm front brings showers and wind by the evening.",
            "Frost overnight, then sunshine and a light wind, the forecast says.",
            "Showers clear by noon and the forecast promises a dry, sunny weekend.",
    };
    private static final String[] TRANSPORT = {
            "The new line runs every ten minutes and the station opens in spring.",
            "Commuters waited at the station as the line closed for repairs.",
            "The city adds buses to the line while the station is rebuilt.",
            "A second station on the line opens to passengers next month.",
    };

    private static HybridClassifier hybrid(double uncoveredThreshold) {
        List<LabeledText> items = new ArrayList<>();
        for (int i = 0; i < WEATHER.length; i++) {
            items.add(new LabeledText("w" + i, "", WEATHER[i], List.of("weather")));
            items.add(new LabeledText("t" + i, "", TRANSPORT[i], List.of("transport")));
        }
        TopicModel model = Trainer.train(items, TrainOptions.DEFAULT.withFeatures(
                new FeatureOptions(true, 2, 1, Representation.WORDS, null, 1)), "written for this test");
        ZeroShotClassifier zeroShot = new ZeroShotClassifier(TINY, WORDS,
                new ZeroShotOptions(Prototype.NAME, false, false, 0.3, true));
        return new HybridClassifier(model, zeroShot, uncoveredThreshold);
    }

    @Test
    void evaluationCountsItemsGivenAnUncoveredTopicPerThresholdAndReportsUnmappedLabelsApart() {
        List<LabeledText> items = List.of(
                new LabeledText("1", "", "Showers and wind in the forecast.", List.of("wx")),
                new LabeledText("2", "", "Showers in the forecast, food and bread at the fair.", List.of("wx")),
                new LabeledText("3", "", "The station on the line opens.", List.of("tr")),
                new LabeledText("4", "", "Bread and food prices.", List.of("market")));

        HybridEvaluation.Report report = HybridEvaluation.evaluate(hybrid(0.3), items,
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
