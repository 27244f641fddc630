package newsflow.lab.classify;

import newsflow.enrich.classify.ClassifierException;
import newsflow.enrich.classify.FeatureOptions;
import newsflow.enrich.classify.LabeledText;
import newsflow.enrich.classify.Method;
import newsflow.enrich.classify.Representation;
import newsflow.enrich.classify.TinyCorpus;
import newsflow.enrich.classify.TopicModel;
import newsflow.enrich.classify.TrainOptions;
import newsflow.enrich.classify.Trainer;
import newsflow.enrich.embed.Embedders;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

class EvaluationTest {

    @Test
    void reportComputesAccuracyMacroF1AndPerLabelScoresFromTheConfusionMatrix() {
        // rows actual, columns predicted: a 8 right 2 as b; b 5 right; c 4 right 1 as a
        EvalReport r = new EvalReport(List.of("a", "b", "c"), new int[][]{{8, 2, 0}, {0, 5, 0}, {1, 0, 4}}, List.of());

        assertThat(r.items()).isEqualTo(20);
        assertThat(r.accuracy()).isEqualTo(17 / 20.0);
        assertThat(r.precision(0)).isEqualTo(8 / 9.0);
        assertThat(r.recall(0)).isEqualTo(0.8);
        assertThat(r.precision(1)).isEqualTo(5 / 7.0);
        assertThat(r.recall(2)).isEqualTo(0.8);
        double f1a = 2 * (8 / 9.0) * 0.8 / (8 / 9.0 + 0.8);
        double f1b = 2 * (5 / 7.0) / (5 / 7.0 + 1);
        double f1c = 2 * 0.8 / 1.8;
        assertThat(r.macroF1()).isCloseTo((f1a + f1b + f1c) / 3, offset(1e-12));
        assertThat(r.format()).contains("accuracy 0.8500").contains("[0] a").contains("confusion");
    }

    @Test
    void labelsAbsentFromTheTestItemsDoNotDiluteMacroF1() {
        EvalReport r = new EvalReport(List.of("a", "b", "unused"), new int[][]{{3, 0, 0}, {0, 2, 0}, {0, 0, 0}}, List.of());
        assertThat(r.macroF1()).isEqualTo(1.0);
    }

    @Test
    void evaluateScoresTheModelsBestLabelAgainstTheItemsLabel() {
        TopicModel model = Trainer.train(TinyCorpus.items(),
                TrainOptions.DEFAULT.withFeatures(new FeatureOptions(true, 2, 1)), "tiny");
        List<LabeledText> test = List.of(
                new LabeledText("1", "", "The team won the match with a late goal.", List.of("sport")),
                new LabeledText("2", "", "The bank said profits and shares fell.", List.of("business")),
                // deliberately mislabelled: the model says sport
                new LabeledText("3", "", "The striker scored as the club won the league.", List.of("science")),
                new LabeledText("4", "", "A concert review.", List.of("music")));
        EvalReport r = Evaluation.evaluate(model, test);

        assertThat(r.labels()).containsExactly("business", "music", "science", "sport");
        assertThat(r.items()).isEqualTo(4);
        assertThat(r.confusion()[3][3]).isEqualTo(1);
        assertThat(r.confusion()[0][0]).isEqualTo(1);
        assertThat(r.confusion()[2][3]).isEqualTo(1);
        assertThat(r.confusion()[1][1]).isZero(); // a label the model does not know is never right
        assertThat(r.accuracy()).isEqualTo(0.5);
    }

    @Test
    void crossValidationScoresEveryItemOnceWithStratifiedFolds() {
        List<LabeledText> items = TinyCorpus.items();
        int[] folds = Evaluation.assignFolds(items, 3, 7);
        for (int k = 0; k < 3; k++) {
            int fold = k;
            for (String label : List.of("sport", "business", "science")) {
                long n = java.util.stream.IntStream.range(0, items.size())
                        .filter(i -> folds[i] == fold && items.get(i).labels().getFirst().equals(label)).count();
                assertThat(n).as("fold %d, %s", k, label).isEqualTo(2);
            }
        }

        EvalReport r = Evaluation.crossValidate(items,
                3, TrainOptions.DEFAULT.withMethod(Method.NAIVE_BAYES).withFeatures(new FeatureOptions(false, 1, 1)));
        assertThat(r.items()).isEqualTo(items.size());
        assertThat(r.foldAccuracy()).hasSize(3);
        assertThat(r.accuracy()).isGreaterThan(0.5); // held-out sentences share vocabulary with their label's others
        assertThatThrownBy(() -> Evaluation.crossValidate(items, 1, TrainOptions.DEFAULT))
                .isInstanceOf(ClassifierException.class).hasMessageContaining("folds");
    }

    /** With the real quantized MiniLM. */
    @Test
    void crossValidationWithEmbeddingsScoresEveryItem() {
        List<LabeledText> items = TinyCorpus.items();
        EvalReport report = Evaluation.crossValidate(items, 3, TrainOptions.DEFAULT
                .withFeatures(new FeatureOptions(true, 2, 1, Representation.BOTH, Embedders.MINILM_Q, 1.0)));

        assertThat(report.items()).isEqualTo(items.size());
        assertThat(report.foldAccuracy()).hasSize(3);
    }
}
