package newsflow.enrich.taxonomy;

/**
 * @param prototype     what text stands for each topic
 * @param childrenVote  a top-level topic scores the best of its own similarity and its children's (an article about
 *                      football is nearer "football" than "sport: competitive activity…")
 * @param calibrate     standardise each topic's similarity by its mean and spread over the taxonomy's other topic
 *                      texts, so a topic whose description is near everything ("human interest") does not win by
 *                      default; the score (and threshold) is then in standard deviations, not a cosine
 * @param threshold     the score at or above which a topic is assigned
 * @param keepBest      the best top-level topic is assigned even below the threshold, so every article gets one
 */
public record ZeroShotOptions(Prototype prototype, boolean childrenVote, boolean calibrate, double threshold,
                              boolean keepBest) {

    /**
     * Chosen by measurement on BBC News mapped to IPTC (README, "Measured"): each top-level topic as the mean of its
     * family's name-and-definition embeddings gave the best top-1 accuracy of the sixteen variants; keeping the best
     * topic gave every article one and raised both precision and recall; above it, further topics from 0.20 (about
     * one article in seven gets a second).
     */
    public static final ZeroShotOptions DEFAULT = new ZeroShotOptions(Prototype.FAMILY, false, false, 0.20, true);

    public ZeroShotOptions {
        if (prototype == null) {
            throw new TaxonomyException("zero-shot options: prototype is required");
        }
        if (!Double.isFinite(threshold)) {
            throw new TaxonomyException("zero-shot options: threshold must be a number, got " + threshold);
        }
    }

    /** Without keeping the best topic below the threshold. */
    public ZeroShotOptions(Prototype prototype, boolean childrenVote, boolean calibrate, double threshold) {
        this(prototype, childrenVote, calibrate, threshold, false);
    }

    public ZeroShotOptions withThreshold(double t) {
        return new ZeroShotOptions(prototype, childrenVote, calibrate, t, keepBest);
    }
}
