package newsflow.enrich.taxonomy;

/**
 * @param prototype     what text stands for each topic
 * @param childrenVote  a top-level topic scores the best of its own similarity and its children's (an article about
 *                      football is nearer "football" than "sport: competitive activity…")
 * @param calibrate     standardise each topic's similarity by its mean and spread over the taxonomy's other topic
 *                      texts, so a topic whose description is near everything ("human interest") does not win by
 *                      default; the score (and threshold) is then in standard deviations, not a cosine
 * @param threshold     the score at or above which a topic is assigned
 */
public record ZeroShotOptions(Prototype prototype, boolean childrenVote, boolean calibrate, double threshold) {

    /**
     * Chosen by measurement on BBC News mapped to IPTC (README, "Measured"): each top-level topic as the mean of its
     * family's name-and-definition embeddings gave the best top-1 accuracy of the sixteen variants; at 0.15 it assigns
     * about one topic per article.
     */
    public static final ZeroShotOptions DEFAULT = new ZeroShotOptions(Prototype.FAMILY, false, false, 0.15);

    public ZeroShotOptions {
        if (prototype == null) {
            throw new TaxonomyException("zero-shot options: prototype is required");
        }
        if (!Double.isFinite(threshold)) {
            throw new TaxonomyException("zero-shot options: threshold must be a number, got " + threshold);
        }
    }

    public ZeroShotOptions withThreshold(double t) {
        return new ZeroShotOptions(prototype, childrenVote, calibrate, t);
    }
}
