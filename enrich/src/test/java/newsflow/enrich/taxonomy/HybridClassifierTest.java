package newsflow.enrich.taxonomy;

import newsflow.common.model.TopicScore;
import newsflow.enrich.classify.FeatureOptions;
import newsflow.enrich.classify.LabeledText;
import newsflow.enrich.classify.Representation;
import newsflow.enrich.classify.TopicModel;
import newsflow.enrich.classify.TrainOptions;
import newsflow.enrich.classify.Trainer;
import newsflow.enrich.embed.TextEmbedder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HybridClassifierTest {

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

    private static TopicModel model(String... labels) {
        List<LabeledText> items = new ArrayList<>();
        for (int i = 0; i < WEATHER.length; i++) {
            items.add(new LabeledText("w" + i, "", WEATHER[i], List.of(labels[0])));
            items.add(new LabeledText("t" + i, "", TRANSPORT[i], List.of(labels[1])));
        }
        TrainOptions words = TrainOptions.DEFAULT.withFeatures(
                new FeatureOptions(true, 2, 1, Representation.WORDS, null, 1));
        return Trainer.train(items, words, "written for this test");
    }

    private static HybridClassifier hybrid(double uncoveredThreshold) {
        ZeroShotClassifier zeroShot = new ZeroShotClassifier(TINY, WORDS,
                new ZeroShotOptions(Prototype.NAME, false, false, 0.3, true));
        return new HybridClassifier(model("weather", "transport"), zeroShot, uncoveredThreshold);
    }

    @Test
    void theModelDecidesCoveredTopicsAndZeroShotAddsUncoveredOnesAfterThem() {
        List<TopicScore> topics = hybrid(0.3).classify("Showers and wind in the forecast",
                "The forecast: showers, then bread and food stalls reopen at the market.");

        assertThat(topics).extracting(TopicScore::name).containsExactly("weather", "food", "bread");
        assertThat(topics).allSatisfy(t -> assertThat(t.source()).isEqualTo("iptc"));
        assertThat(topics.get(0).score()).isGreaterThanOrEqualTo(0.5); // the model's score, not a cosine
    }

    @Test
    void zeroShotNeverAssignsACoveredTopic() {
        // "tram" and "transport" make the zero-shot side close to transport, but the model reads a forecast
        List<TopicScore> topics = hybrid(0.3).classify("", "Forecast: showers and wind. Transport tram transport.");

        assertThat(topics).extracting(TopicScore::name).doesNotContain("transport").contains("weather");
    }

    @Test
    void anUncoveredTopicNeedsItsThresholdAndTheModelsBestIsKeptWhenNothingElseIs() {
        String title = "";
        String text = "Food and bread, food and bread.";
        assertThat(hybrid(0.3).classify(title, text)).extracting(TopicScore::name).contains("food", "bread");

        List<TopicScore> strict = hybrid(1.1).classify(title, text);
        assertThat(strict).hasSize(1);
        assertThat(strict.getFirst().name()).isIn("weather", "transport");
    }

    @Test
    void aModelLabelThatIsNoTopLevelTopicIsRejectedByName() {
        ZeroShotClassifier zeroShot = new ZeroShotClassifier(TINY, WORDS, ZeroShotOptions.DEFAULT);
        TopicModel wrong = model("weather", "Sci/Tech");

        assertThatThrownBy(() -> new HybridClassifier(wrong, zeroShot, 0.3))
                .isInstanceOf(TaxonomyException.class).hasMessageContaining("\"Sci/Tech\"");
    }
}
