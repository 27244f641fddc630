package newsflow.app.cli;

import newsflow.enrich.classify.FeatureOptions;
import newsflow.enrich.classify.Method;
import newsflow.enrich.classify.Representation;
import newsflow.enrich.classify.TrainOptions;
import newsflow.enrich.embed.Embedders;
import picocli.CommandLine.Option;

/** The classifier's training options, shared by {@code topics train} and the lab's {@code topics eval}. */
public final class TrainingOptions {

    private static final TrainOptions D = TrainOptions.DEFAULT;

    @Option(names = "--method", paramLabel = "M",
            description = "nb_svm (linear SVM over naive-Bayes-scaled words), linear_svm, logistic_regression or "
                    + "naive_bayes (default: nb_svm)")
    Method method = D.method();

    @Option(names = "--no-bigrams", description = "single words only")
    boolean noBigrams;

    @Option(names = "--title-weight", paramLabel = "N", description = "times the title's features count (default 2)")
    int titleWeight = D.features().titleWeight();

    @Option(names = "--min-df", paramLabel = "N", description = "drop features in fewer items (default 2)")
    int minDf = D.features().minDf();

    @Option(names = "--svm-c", paramLabel = "C", description = "SVM cost (default 1.0)")
    double c = D.c();

    @Option(names = "--lambda", paramLabel = "L", description = "logistic regression L2 strength (default 1e-4)")
    double lambda = D.lambda();

    @Option(names = "--alpha", paramLabel = "A", description = "naive Bayes smoothing (default 0.1)")
    double alpha = D.alpha();

    @Option(names = "--epochs", paramLabel = "N", description = "passes over the data (default 50)")
    int epochs = D.epochs();

    @Option(names = "--threshold", paramLabel = "T", description = "score at or above which a label is assigned (default 0.5)")
    double threshold = D.threshold();

    @Option(names = "--features", paramLabel = "R",
            description = "words, embedding or both (words and the sentence embedding concatenated; default both, "
                    + "words for naive_bayes)")
    Representation representation;

    @Option(names = "--embedder", paramLabel = "NAME",
            description = "embedding model for --features embedding|both (default and only one bundled: all-minilm-l6-v2-q)")
    String embedder = Embedders.MINILM_Q;  // the default features' embedder

    @Option(names = "--embedding-weight", paramLabel = "W",
            description = "length of the embedding next to the unit-length word vector (default 0.35)")
    double embeddingWeight = D.features().embeddingWeight();

    @Option(names = "--seed", paramLabel = "N", description = "shuffling seed (default 42)")
    long seed = D.seed();

    public Method method() {
        return method;
    }

    /** Naive Bayes needs counts, so without --features it gets words only. */
    Representation representation() {
        return representation != null ? representation
                : method == Method.NAIVE_BAYES ? Representation.WORDS : D.features().representation();
    }

    public String describeFeatures() {
        Representation r = representation();
        return r == Representation.WORDS ? "words"
                : r.name().toLowerCase(java.util.Locale.ROOT) + " (" + embedder + ", embedding weight " + embeddingWeight + ")";
    }

    public TrainOptions toOptions() {
        return new TrainOptions(method, new FeatureOptions(!noBigrams, titleWeight, minDf, representation(), embedder,
                embeddingWeight), c, lambda, alpha, epochs,
                seed, threshold);
    }
}
