package newsflow.enrich.topics;

import newsflow.common.config.ConfigLoader;
import newsflow.common.config.EnrichConfig;
import newsflow.common.model.TopicScore;
import newsflow.enrich.classify.ClassifierException;
import newsflow.enrich.classify.FeatureOptions;
import newsflow.enrich.classify.LabeledText;
import newsflow.enrich.classify.Method;
import newsflow.enrich.classify.TopicModel;
import newsflow.enrich.classify.TrainOptions;
import newsflow.enrich.classify.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicTaggerTest {

    private static final Map<String, List<String>> RULES = Map.of("transport", List.of("tram", "bus lane"));

    /** Weather and elections, four sentences each, written for this test. */
    private static TopicModel weatherOrElections() {
        List<LabeledText> items = new ArrayList<>();
        for (String s : List.of("Heavy rain and strong wind are forecast for the weekend.",
                "The storm brought snow and cold wind to the hills overnight.",
                "Forecasters expect sunshine after the morning rain clears.",
                "A heat wave pushed temperatures up as the forecast promised more sunshine.")) {
            items.add(new LabeledText("", "", s, List.of("weather")));
        }
        for (String s : List.of("Voters go to the polls as the election campaign ends.",
                "The candidate conceded after the votes were counted in the election.",
                "Polls show the party ahead as voters weigh the candidates.",
                "The council election drew more voters than the last campaign.")) {
            items.add(new LabeledText("", "", s, List.of("elections")));
        }
        return Trainer.train(items, TrainOptions.DEFAULT.withMethod(Method.LOGISTIC_REGRESSION)
                .withFeatures(new FeatureOptions(true, 2, 1)), "weather and election sentences");
    }

    @Test
    void rulesComeFirstThenTheModelsCategories() {
        TopicTagger tagger = new TopicTagger(new TopicMatcher(RULES), weatherOrElections());

        List<TopicScore> topics = tagger.tag("Tram delays", "Rain and wind in the forecast stopped the tram.");

        assertThat(topics).extracting(TopicScore::name, TopicScore::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("transport", "rule"),
                        org.assertj.core.groups.Tuple.tuple("weather", "model"));
    }

    @Test
    void watchTopicsSitBetweenRulesAndModel() {
        TopicTagger tagger = TopicTagger.configured(RULES,
                Map.of("polls", "election AND (voters OR polls)"), null);

        assertThat(tagger.tag("Tram strike", "Voters blame the election.")).extracting(TopicScore::name, TopicScore::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("transport", "rule"),
                        org.assertj.core.groups.Tuple.tuple("polls", "watch"));
    }

    @Test
    void withoutAModelOnlyRulesApply() {
        TopicTagger tagger = TopicTagger.configured(RULES, Map.of(), "");
        assertThat(tagger.tag("", "The bus lane and the election")).extracting(TopicScore::source).containsExactly("rule");
        assertThat(TopicTagger.configured(Map.of(), null, null).tag("", "Voters and the election")).isEmpty();
    }

    @Test
    void configuredLoadsTheModelFileOnce(@TempDir Path dir) {
        Path file = dir.resolve("weather.model.gz");
        weatherOrElections().save(file);

        TopicTagger tagger = TopicTagger.configured(Map.of(), Map.of(), " " + file + " ");
        assertThat(tagger.tag("Election night", "Voters went to the polls.")).extracting(TopicScore::name)
                .containsExactly("elections");
    }

    @Test
    void aMissingModelFileIsNamedInTheError(@TempDir Path dir) {
        Path missing = dir.resolve("nope.model.gz");
        assertThatThrownBy(() -> TopicTagger.configured(RULES, Map.of(), missing.toString()))
                .isInstanceOf(ClassifierException.class).hasMessageContaining(missing.toString());
    }

    @Test
    void withoutAModelTheDefaultConfigurationTagsWithIptcTopicsAndTaxonomyNoneDoesNot() {
        EnrichConfig defaults = ConfigLoader.load("", Map.of()).enrich();
        String title = "Parliament passes the budget";
        String body = "Members of parliament voted for the government's budget after the opposition's amendments failed.";

        List<TopicScore> tagged = TopicTagger.configured(defaults).tag(title, body);
        assertThat(tagged).isNotEmpty().allSatisfy(t -> assertThat(t.source()).isEqualTo("iptc"));

        // IPTC topics carry their official code, and a second-level topic its parent's
        assertThat(tagged).allSatisfy(t -> assertThat(t.code()).matches("medtop:\\d{8}"));
        assertThat(tagged.getFirst().parent()).as("the first is a top-level topic").isNull();
        assertThat(tagged).filteredOn(t -> t.parent() != null).allSatisfy(child ->
                assertThat(tagged).extracting(TopicScore::code).contains(child.parent()));

        // the five topics the shipped model was trained on are its to decide
        List<TopicScore> match = TopicTagger.configured(defaults).tag("Late winner at the stadium",
                "The striker scored twice in the second half and the home club won the league match.");
        assertThat(match.getFirst().name()).isEqualTo("sport");
        assertThat(match.getFirst().score()).isGreaterThanOrEqualTo(0.5);

        EnrichConfig none = ConfigLoader.load("enrich:\n  taxonomy: none\n", Map.of()).enrich();
        assertThat(TopicTagger.configured(none).tag(title, body)).isEmpty();
    }

    @Test
    void aModelLabelThatNamesAnIptcTopicGetsItsCodeOthersStayPlainLabels() {
        List<LabeledText> items = new ArrayList<>();
        for (String s : List.of("The striker scored in the league match.", "The club won the cup final at the stadium.",
                "A late goal decided the derby.", "The keeper saved a penalty in the match.")) {
            items.add(new LabeledText("", "", s, List.of("sport")));
        }
        for (String s : List.of("The harbour ferry timetable changes.", "Dock workers unload the ferry at the harbour.",
                "The harbour master closed the quay.", "Ferry passengers waited at the harbour.")) {
            items.add(new LabeledText("", "", s, List.of("harbour")));
        }
        TopicModel model = Trainer.train(items, TrainOptions.DEFAULT.withMethod(Method.LOGISTIC_REGRESSION)
                .withFeatures(new FeatureOptions(true, 1, 1)), "sport or harbour");
        TopicTagger tagger = new TopicTagger(new TopicMatcher(Map.of()), model);

        assertThat(tagger.tag("Cup final", "The striker scored a late goal in the league match at the stadium."))
                .filteredOn(t -> t.name().equals("sport")).singleElement()
                .extracting(TopicScore::source, TopicScore::code, TopicScore::parent)
                .containsExactly("model", "medtop:15000000", null);
        assertThat(tagger.tag("Harbour ferry", "The ferry left the harbour quay."))
                .filteredOn(t -> t.name().equals("harbour")).singleElement()
                .extracting(TopicScore::code).isNull();
    }
}
