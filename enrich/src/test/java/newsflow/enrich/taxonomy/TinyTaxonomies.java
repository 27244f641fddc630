package newsflow.enrich.taxonomy;

import newsflow.enrich.classify.FeatureOptions;
import newsflow.enrich.classify.LabeledText;
import newsflow.enrich.classify.Representation;
import newsflow.enrich.classify.TopicModel;
import newsflow.enrich.classify.TrainOptions;
import newsflow.enrich.classify.Trainer;
import newsflow.enrich.embed.TextEmbedder;

import java.util.ArrayList;
import java.util.List;

/**
 * Tiny taxonomies, texts and classifiers written for tests, shared by the classifiers' tests here and the lab's
 * evaluation tests (through enrich's test jar), so both judge the same fixtures.
 */
public final class TinyTaxonomies {

    /** Two families: weather (rain, snow) and transport (tram, ferry). */
    public static final Taxonomy TWO_FAMILIES = WordCountEmbedder.taxonomy("""
            {"attribution": "written for this test", "topics": [
              {"qcode": "t:1", "name": "weather", "definition": "weather",
               "children": [{"qcode": "t:11", "name": "rain", "definition": "rain"},
                            {"qcode": "t:12", "name": "snow", "definition": "snow"}]},
              {"qcode": "t:2", "name": "transport", "definition": "transport",
               "children": [{"qcode": "t:21", "name": "tram", "definition": "tram"},
                            {"qcode": "t:22", "name": "ferry", "definition": "ferry"}]}]}""");

    public static final TextEmbedder TWO_FAMILIES_WORDS =
            new WordCountEmbedder("weather", "rain", "snow", "transport", "tram", "ferry");

    /** Three families: a model is trained on weather and transport, food has no data. */
    public static final Taxonomy THREE_FAMILIES = WordCountEmbedder.taxonomy("""
            {"attribution": "written for this test", "topics": [
              {"qcode": "t:1", "name": "weather", "definition": "weather",
               "children": [{"qcode": "t:11", "name": "rain", "definition": "rain"}]},
              {"qcode": "t:2", "name": "transport", "definition": "transport",
               "children": [{"qcode": "t:21", "name": "tram", "definition": "tram"}]},
              {"qcode": "t:3", "name": "food", "definition": "food",
               "children": [{"qcode": "t:31", "name": "bread", "definition": "bread"}]}]}""");

    public static final TextEmbedder THREE_FAMILIES_WORDS =
            new WordCountEmbedder("weather", "rain", "transport", "tram", "food", "bread");

    public static final String[] WEATHER = {
            "Heavy showers and a cold wind are forecast for the coast on Sunday.",
            "The forecast says a warm front brings showers and wind by the evening.",
            "Frost overnight, then sunshine and a light wind, the forecast says.",
            "Showers clear by noon and the forecast promises a dry, sunny weekend.",
    };
    public static final String[] TRANSPORT = {
            "The new line runs every ten minutes and the station opens in spring.",
            "Commuters waited at the station as the line closed for repairs.",
            "The city adds buses to the line while the station is rebuilt.",
            "A second station on the line opens to passengers next month.",
    };

    private TinyTaxonomies() {
    }

    /** Zero-shot over {@link #TWO_FAMILIES}, name prototypes, children voting. */
    public static ZeroShotClassifier twoFamiliesZeroShot(double threshold) {
        return new ZeroShotClassifier(TWO_FAMILIES, TWO_FAMILIES_WORDS,
                new ZeroShotOptions(Prototype.NAME, true, false, threshold));
    }

    /** A words model trained on {@link #WEATHER} under {@code labels[0]} and {@link #TRANSPORT} under {@code labels[1]}. */
    public static TopicModel weatherAndTransportModel(String... labels) {
        List<LabeledText> items = new ArrayList<>();
        for (int i = 0; i < WEATHER.length; i++) {
            items.add(new LabeledText("w" + i, "", WEATHER[i], List.of(labels[0])));
            items.add(new LabeledText("t" + i, "", TRANSPORT[i], List.of(labels[1])));
        }
        TrainOptions words = TrainOptions.DEFAULT.withFeatures(
                new FeatureOptions(true, 2, 1, Representation.WORDS, null, 1));
        return Trainer.train(items, words, "written for this test");
    }

    /** The weather/transport model with zero-shot over {@link #THREE_FAMILIES} for the uncovered food family. */
    public static HybridClassifier threeFamiliesHybrid(double uncoveredThreshold) {
        ZeroShotClassifier zeroShot = new ZeroShotClassifier(THREE_FAMILIES, THREE_FAMILIES_WORDS,
                new ZeroShotOptions(Prototype.NAME, false, false, 0.3, true));
        return new HybridClassifier(weatherAndTransportModel("weather", "transport"), zeroShot, uncoveredThreshold);
    }
}
