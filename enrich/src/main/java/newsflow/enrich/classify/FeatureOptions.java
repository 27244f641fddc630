package newsflow.enrich.classify;

/**
 * How text becomes features; stored in the model so classification extracts exactly what training did.
 *
 * @param bigrams     add adjacent word pairs to the single words
 * @param titleWeight how many times the title's features count (titles say what an article is about)
 * @param minDf       features in fewer training items than this are dropped (rare words are mostly noise and
 *                    would bloat the model)
 */
public record FeatureOptions(boolean bigrams, int titleWeight, int minDf) {

    public static final FeatureOptions DEFAULT = new FeatureOptions(true, 2, 2);

    public FeatureOptions {
        if (titleWeight < 0 || minDf < 1) {
            throw new ClassifierException("feature options: titleWeight must be ≥ 0 and minDf ≥ 1, got "
                    + titleWeight + " and " + minDf);
        }
    }
}
