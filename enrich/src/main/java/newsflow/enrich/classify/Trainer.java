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
    public static TopicModel train(List<LabeledText> items, TrainOptions options, String trainedOn, TextEmbedder embedder) {
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
        String note = trainedOn == null ? "" : trainedOn;
        if (features.representation() == Representation.AVERAGED) {
            int words = vocabulary.features().size();
            LinearWeights w = fit(split(xs, 0, words), y, labels.size(), words, words, options);
            LinearWeights e = fit(split(xs, words, dim), y, labels.size(), dim - words, 0, options);
            float[][] joined = new float[labels.size()][];
            for (int l = 0; l < joined.length; l++) {
                joined[l] = java.util.Arrays.copyOf(w.weights()[l], dim);
                System.arraycopy(e.weights()[l], 0, joined[l], words, dim - words);
            }
            return new TopicModel(new TopicModel.Data(TopicModel.FORMAT, options.method(), features, labels,
                    vocabulary.features(), idf, joined, w.bias(), options.threshold(), note, e.bias()), embedder);
        }
        LinearWeights weights = fit(xs, y, labels.size(), dim, vocabulary.features().size(), options);
        return new TopicModel(new TopicModel.Data(TopicModel.FORMAT, options.method(), features, labels,
                vocabulary.features(), idf, weights.weights(), weights.bias(), options.threshold(), note), embedder);
    }

    /** @param words the features below this index are words, the rest embedding dimensions */
    private static LinearWeights fit(List<SparseVector> xs, boolean[][] y, int labels, int dim, int words,
                                     TrainOptions options) {
        return switch (options.method()) {
            case NAIVE_BAYES -> NaiveBayes.fit(xs, y, labels, dim, options.alpha());
            case LOGISTIC_REGRESSION -> LogisticRegression.fit(xs, y, labels, dim, options.lambda(), options.epochs(),
                    options.seed());
            case LINEAR_SVM -> LinearSvm.fit(xs, y, labels, dim, options.c(), options.epochs(), options.seed());
            case NB_SVM -> NbSvm.fit(xs, y, labels, dim, words, options.c(), options.epochs(), options.seed());
        };
    }

    /** The features in [from, to) of each vector, re-indexed from 0. */
    private static List<SparseVector> split(List<SparseVector> xs, int from, int to) {
        List<SparseVector> out = new ArrayList<>(xs.size());
        for (SparseVector x : xs) {
            int n = 0;
            for (int i : x.index()) {
                n += i >= from && i < to ? 1 : 0;
            }
            int[] idx = new int[n];
            float[] val = new float[n];
            int k = 0;
            for (int j = 0; j < x.index().length; j++) {
                if (x.index()[j] >= from && x.index()[j] < to) {
                    idx[k] = x.index()[j] - from;
                    val[k++] = x.value()[j];
                }
            }
            out.add(new SparseVector(idx, val));
        }
        return out;
    }
}
