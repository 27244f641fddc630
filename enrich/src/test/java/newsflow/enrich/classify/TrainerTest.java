package newsflow.enrich.classify;

import newsflow.common.model.TopicScore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainerTest {

    private static final FeatureOptions TINY = new FeatureOptions(true, 2, 1);

    private static TopicModel train(Method method) {
        return Trainer.train(TinyCorpus.items(), TrainOptions.DEFAULT.withMethod(method).withFeatures(TINY), "tiny");
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void everyMethodLearnsTheTinyCorpus(Method method) {
        TopicModel model = train(method);

        assertThat(model.labels()).containsExactly("business", "science", "sport");
        // sentences not in the training set, built from its vocabulary
        assertThat(model.best("Cup final", "The team won the match with a late goal.")).isEqualTo("sport");
        assertThat(model.best("", "The bank said profits and shares fell.")).isEqualTo("business");
        assertThat(model.best("Telescope study", "Scientists and researchers observed the stars.")).isEqualTo("science");
        assertThat(java.util.Arrays.stream(model.scores("", "The club won the league match.")).boxed().toList())
                .allSatisfy(s -> assertThat(s).isBetween(0.0, 1.0));
    }

    @Test
    void classifyReturnsLabelsAtOrAboveTheThresholdBestFirstWithSourceModel() {
        TopicModel model = train(Method.LOGISTIC_REGRESSION);
        String text = "The club's shares rose after the team won the league: investors cheered the profits.";
        double[] scores = model.scores("", text);

        List<TopicScore> all = model.withThreshold(0).classify("", text);
        assertThat(all).hasSize(3).allSatisfy(t -> assertThat(t.source()).isEqualTo("model"));
        assertThat(all).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));

        double cut = scores[model.labels().indexOf(all.get(1).name())];
        List<TopicScore> two = model.withThreshold(cut).classify("", text);
        assertThat(two).extracting(TopicScore::name).containsExactly(all.get(0).name(), all.get(1).name());
        assertThat(model.withThreshold(1).classify("", "A sentence about nothing in particular.")).isEmpty();
    }

    @Test
    void naiveBayesScoresArePosteriorsThatSumToOne() {
        double[] s = train(Method.NAIVE_BAYES).scores("", "The striker scored and the bank fell.");
        assertThat(s[0] + s[1] + s[2]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void sameSeedSameModel() {
        TopicModel a = train(Method.LINEAR_SVM);
        TopicModel b = train(Method.LINEAR_SVM);
        assertThat(a.scores("", "Researchers won the cup")).containsExactly(b.scores("", "Researchers won the cup"));
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void savedModelLoadsAndScoresIdentically(Method method, @TempDir Path dir) {
        TopicModel model = train(method);
        Path file = dir.resolve("model.json.gz");
        model.save(file);

        TopicModel loaded = TopicModel.load(file);
        assertThat(loaded.labels()).isEqualTo(model.labels());
        assertThat(loaded.method()).isEqualTo(method);
        assertThat(loaded.trainedOn()).isEqualTo("tiny");
        assertThat(loaded.threshold()).isEqualTo(model.threshold());
        String text = "The telescope found the team's shares";
        assertThat(loaded.scores("t", text)).containsExactly(model.scores("t", text));
    }

    @Test
    void unusableModelFilesAreNamedInTheError(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.gz");
        assertThatThrownBy(() -> TopicModel.load(missing))
                .isInstanceOf(ClassifierException.class).hasMessageContaining(missing.toString());
        Path notGzip = dir.resolve("plain.json");
        Files.writeString(notGzip, "{}");
        assertThatThrownBy(() -> TopicModel.load(notGzip))
                .isInstanceOf(ClassifierException.class).hasMessageContaining("cannot read model " + notGzip);
    }

    @Test
    void trainingNeedsTwoLabelsAndSomeFeatures() {
        List<LabeledText> one = List.of(new LabeledText("a", "", "words here", List.of("x")),
                new LabeledText("b", "", "more words", List.of("x")));
        assertThatThrownBy(() -> Trainer.train(one, TrainOptions.DEFAULT, ""))
                .isInstanceOf(ClassifierException.class).hasMessageContaining("need at least two");

        List<LabeledText> rare = List.of(new LabeledText("a", "", "alpha", List.of("x")),
                new LabeledText("b", "", "beta", List.of("y")));
        assertThatThrownBy(() -> Trainer.train(rare, TrainOptions.DEFAULT, ""))
                .isInstanceOf(ClassifierException.class).hasMessageContaining("no feature in at least 2 items");
    }

    @Test
    void multiLabelItemsTrainEveryLabelTheyCarry() {
        List<LabeledText> items = new java.util.ArrayList<>(TinyCorpus.items());
        items.add(new LabeledText("m1", "", "The club sold shares to investors to pay the striker.", List.of("sport", "business")));
        items.add(new LabeledText("m2", "", "Investors bought shares in the club after the team won.", List.of("sport", "business")));
        TopicModel model = Trainer.train(items, TrainOptions.DEFAULT.withMethod(Method.LOGISTIC_REGRESSION)
                .withFeatures(TINY).withThreshold(0.3), "");

        assertThat(model.classify("", "Investors bought shares in the club as the team won the league."))
                .extracting(TopicScore::name).contains("sport", "business").doesNotContain("science");
    }
}
