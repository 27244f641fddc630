package newsflow.enrich.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Trains a {@link TopicModel} from labelled items. */
public final class Trainer {

    private Trainer() {
    }

    /**
     * @param trainedOn a note stored in the model saying what data trained it (a file name), may be empty
     * @throws ClassifierException when the items carry fewer than two labels or leave no features
     */
    public static TopicModel train(List<LabeledText> items, TrainOptions options, String trainedOn) {
        List<String> labels = List.copyOf(new TreeSet<>(items.stream().flatMap(i -> i.labels().stream()).toList()));
        if (labels.size() < 2) {
            throw new ClassifierException("training data has " + labels.size() + " label(s); need at least two");
        }
        List<Map<String, Integer>> counts = new ArrayList<>(items.size());
        for (LabeledText item : items) {
            counts.add(Features.counts(item.title(), item.text(), options.features()));
        }
        Vectorizer.Vocabulary vocabulary = Vectorizer.vocabulary(counts, options.features().minDf());
        if (vocabulary.features().isEmpty()) {
            throw new ClassifierException("training data leaves no feature in at least "
                    + options.features().minDf() + " items");
        }
        boolean naiveBayes = options.method() == Method.NAIVE_BAYES;
        float[] idf = naiveBayes ? null : vocabulary.idf();
        Vectorizer vectorizer = new Vectorizer(options.features(), vocabulary.features(), idf);
        List<SparseVector> xs = new ArrayList<>(items.size());
        for (Map<String, Integer> c : counts) {
            xs.add(vectorizer.vector(c));
        }
        boolean[][] y = new boolean[items.size()][labels.size()];
        for (int i = 0; i < items.size(); i++) {
            for (String label : items.get(i).labels()) {
                y[i][labels.indexOf(label)] = true;
            }
        }
        int dim = vectorizer.dimension();
        LinearWeights weights = switch (options.method()) {
            case NAIVE_BAYES -> NaiveBayes.fit(xs, y, labels.size(), dim, options.alpha());
            case LOGISTIC_REGRESSION -> LogisticRegression.fit(xs, y, labels.size(), dim, options.lambda(),
                    options.epochs(), options.seed());
            case LINEAR_SVM -> LinearSvm.fit(xs, y, labels.size(), dim, options.c(), options.epochs(), options.seed());
        };
        return new TopicModel(new TopicModel.Data(TopicModel.FORMAT, options.method(), options.features(), labels,
                vocabulary.features(), idf, weights.weights(), weights.bias(), options.threshold(),
                trainedOn == null ? "" : trainedOn));
    }
}
