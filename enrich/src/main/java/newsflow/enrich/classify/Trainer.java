package newsflow.enrich.classify;

import newsflow.enrich.embed.TextEmbedder;

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
        return train(items, options, trainedOn, TopicModel.embedderFor(options.features()));
    }

    /**
     * As above with the embedder given (cross-validation passes one that caches); null when the options use words
     * only.
     */
    static TopicModel train(List<LabeledText> items, TrainOptions options, String trainedOn, TextEmbedder embedder) {
        FeatureOptions features = options.features();
        List<String> labels = List.copyOf(new TreeSet<>(items.stream().flatMap(i -> i.labels().stream()).toList()));
        if (labels.size() < 2) {
            throw new ClassifierException("training data has " + labels.size() + " label(s); need at least two");
        }
        if (features.usesEmbedding() && options.method() == Method.NAIVE_BAYES) {
            throw new ClassifierException("naive Bayes needs counts: use words only with it, or another method");
        }
        List<Map<String, Integer>> counts = new ArrayList<>(items.size());
        for (LabeledText item : items) {
            counts.add(features.usesWords() ? Features.counts(item.title(), item.text(), features) : Map.of());
        }
        Vectorizer.Vocabulary vocabulary = Vectorizer.vocabulary(counts, features.minDf());
        if (features.usesWords() && vocabulary.features().isEmpty()) {
            throw new ClassifierException("training data leaves no feature in at least " + features.minDf() + " items");
        }
        List<float[]> embeddings = features.usesEmbedding()
                ? embedder.embedAll(items.stream().map(i -> new String[]{i.title(), i.text()}).toList())
                : null;
        boolean naiveBayes = options.method() == Method.NAIVE_BAYES;
        float[] idf = naiveBayes ? null : vocabulary.idf();
        Vectorizer vectorizer = new Vectorizer(features, vocabulary.features(), idf, embedder);
        List<SparseVector> xs = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            xs.add(vectorizer.vector(counts.get(i), embeddings == null ? null : embeddings.get(i)));
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
        return new TopicModel(new TopicModel.Data(TopicModel.FORMAT, options.method(), features, labels,
                vocabulary.features(), idf, weights.weights(), weights.bias(), options.threshold(),
                trainedOn == null ? "" : trainedOn), embedder);
    }
}
