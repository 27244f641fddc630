package newsflow.app.cli;

import newsflow.enrich.classify.FeatureOptions;
import newsflow.enrich.classify.Method;
import newsflow.enrich.classify.TrainOptions;
import picocli.CommandLine.Option;

/** The classifier's training options, shared by {@code topics train} and {@code topics eval}. */
final class TrainingOptions {

    private static final TrainOptions D = TrainOptions.DEFAULT;

    @Option(names = "--method", paramLabel = "M",
            description = "naive_bayes, logistic_regression or linear_svm (default: linear_svm)")
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

    @Option(names = "--seed", paramLabel = "N", description = "shuffling seed (default 42)")
    long seed = D.seed();

    TrainOptions toOptions() {
        return new TrainOptions(method, new FeatureOptions(!noBigrams, titleWeight, minDf), c, lambda, alpha, epochs,
                seed, threshold);
    }
}
