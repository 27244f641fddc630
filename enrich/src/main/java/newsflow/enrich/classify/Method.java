package newsflow.enrich.classify;

/** The learning methods {@code topics train|eval} can use; all yield a {@link TopicModel} of the same form. */
public enum Method {
    /** Multinomial naive Bayes over feature counts, Laplace-smoothed; scores are the posterior (one label wins). */
    NAIVE_BAYES,
    /** One-vs-rest L2-regularised logistic regression over TF-IDF; scores are per-label probabilities. */
    LOGISTIC_REGRESSION,
    /** One-vs-rest L2-regularised, squared-hinge linear SVM (dual coordinate descent) over TF-IDF. */
    LINEAR_SVM,
    /**
     * The linear SVM over word features scaled per label by their naive-Bayes log-count ratio ({@link NbSvm}, Wang
     * and Manning 2012); scores as the SVM's.
     */
    NB_SVM
}
