package newsflow.enrich.taxonomy;

import newsflow.common.model.TopicScore;
import newsflow.enrich.classify.TopicModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static newsflow.enrich.taxonomy.TinyTaxonomies.THREE_FAMILIES;
import static newsflow.enrich.taxonomy.TinyTaxonomies.THREE_FAMILIES_WORDS;
import static newsflow.enrich.taxonomy.TinyTaxonomies.threeFamiliesHybrid;
import static newsflow.enrich.taxonomy.TinyTaxonomies.weatherAndTransportModel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HybridClassifierTest {

    @Test
    void theModelDecidesCoveredTopicsAndZeroShotAddsUncoveredOnesAfterThem() {
        List<TopicScore> topics = threeFamiliesHybrid(0.3).classify("Showers and wind in the forecast",
                "The forecast: showers, then bread and food stalls reopen at the market.");

        assertThat(topics).extracting(TopicScore::name).containsExactly("weather", "food", "bread");
        assertThat(topics).allSatisfy(t -> assertThat(t.source()).isEqualTo("iptc"));
        assertThat(topics.get(0).score()).isGreaterThanOrEqualTo(0.5); // the model's score, not a cosine
    }

    @Test
    void zeroShotNeverAssignsACoveredTopic() {
        // "tram" and "transport" make the zero-shot side close to transport, but the model reads a forecast
        List<TopicScore> topics = threeFamiliesHybrid(0.3).classify("", "Forecast: showers and wind. Transport tram transport.");

        assertThat(topics).extracting(TopicScore::name).doesNotContain("transport").contains("weather");
    }

    @Test
    void anUncoveredTopicNeedsItsThresholdAndTheModelsBestIsKeptWhenNothingElseIs() {
        String title = "";
        String text = "Food and bread, food and bread.";
        assertThat(threeFamiliesHybrid(0.3).classify(title, text)).extracting(TopicScore::name).contains("food", "bread");

        List<TopicScore> strict = threeFamiliesHybrid(1.1).classify(title, text);
        assertThat(strict).hasSize(1);
        assertThat(strict.getFirst().name()).isIn("weather", "transport");
    }

    @Test
    void aModelLabelThatIsNoTopLevelTopicIsRejectedByName() {
        ZeroShotClassifier zeroShot = new ZeroShotClassifier(THREE_FAMILIES, THREE_FAMILIES_WORDS, ZeroShotOptions.DEFAULT);
        TopicModel wrong = weatherAndTransportModel("weather", "Sci/Tech");

        assertThatThrownBy(() -> new HybridClassifier(wrong, zeroShot, 0.3))
                .isInstanceOf(TaxonomyException.class).hasMessageContaining("\"Sci/Tech\"");
    }
}
