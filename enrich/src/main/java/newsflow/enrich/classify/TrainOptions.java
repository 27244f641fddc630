package newsflow.enrich.classify;

/**
 * @param method    the learning method
 * @param features  how text becomes features
 * @param c         SVM (and NB-SVM) cost (larger fits the training data more closely)
 * @param lambda    logistic regression's L2 strength
 * @param alpha     naive Bayes' additive smoothing
 * @param epochs    passes over the data (SVM: at most; it stops when converged)
 * @param seed      the order of the passes; the same seed and data give the same model
 * @param threshold the score at or above which a label is assigned
 */
public record TrainOptions(Method method, FeatureOptions features, double c, double lambda, double alpha, int epochs,
                           long seed, double threshold) {

    /** NB-SVM over words and the embedding: the best measured on AG News over three fold seeds (README, "Measured"). */
    public static final TrainOptions DEFAULT =
            new TrainOptions(Method.NB_SVM, FeatureOptions.DEFAULT, 1.0, 1e-4, 0.1, 50, 42, 0.5);

    public TrainOptions {
        if (method == null || features == null) {
            throw new ClassifierException("train options: method and features are required");
        }
        if (!(c > 0) || !(lambda > 0) || !(alpha > 0) || epochs < 1) {
            throw new ClassifierException("train options: c, lambda and alpha must be > 0 and epochs ≥ 1");
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new ClassifierException("train options: threshold must be in [0, 1], got " + threshold);
        }
    }

    public TrainOptions withMethod(Method m) {
        return new TrainOptions(m, features, c, lambda, alpha, epochs, seed, threshold);
    }

    public TrainOptions withFeatures(FeatureOptions f) {
        return new TrainOptions(method, f, c, lambda, alpha, epochs, seed, threshold);
    }

    public TrainOptions withThreshold(double v) {
        return new TrainOptions(method, features, c, lambda, alpha, epochs, seed, v);
    }
}
