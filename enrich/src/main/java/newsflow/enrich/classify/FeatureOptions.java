package newsflow.enrich.classify;

import newsflow.enrich.embed.Embedders;

/**
 * How text becomes features; stored in the model so classification extracts exactly what training did.
 *
 * @param bigrams         add adjacent word pairs to the single words
 * @param titleWeight     how many times the title's features count (titles say what an article is about)
 * @param minDf           features in fewer training items than this are dropped (rare words are mostly noise and
 *                        would bloat the model)
 * @param representation  words, the sentence embedding, or both; null (models written before embeddings) is words
 * @param embedder        the embedding model's name ({@link Embedders}) when the representation uses one
 * @param embeddingWeight the embedding's length next to the unit-length word vector ({@code BOTH}); it sets how
 *                        much the linear model leans on either part under the same regularisation
 */
public record FeatureOptions(boolean bigrams, int titleWeight, int minDf, Representation representation,
                             String embedder, double embeddingWeight) {

    /** Words and the quantized MiniLM embedding at 0.35 length: the best measured on AG News (README, "Measured"). */
    public static final FeatureOptions DEFAULT =
            new FeatureOptions(true, 2, 2, Representation.BOTH, Embedders.MINILM_Q, 0.35);

    public FeatureOptions {
        if (titleWeight < 0 || minDf < 1) {
            throw new ClassifierException("feature options: titleWeight must be ≥ 0 and minDf ≥ 1, got "
                    + titleWeight + " and " + minDf);
        }
        representation = representation == null ? Representation.WORDS : representation;
        embedder = embedder == null || representation == Representation.WORDS ? "" : embedder.strip();
        embeddingWeight = representation == Representation.WORDS ? 0 : embeddingWeight;
        if (representation != Representation.WORDS && (embedder.isEmpty() || !(embeddingWeight > 0))) {
            throw new ClassifierException("feature options: representation " + representation
                    + " needs an embedding model and an embedding weight > 0");
        }
    }

    /** Words only. */
    public FeatureOptions(boolean bigrams, int titleWeight, int minDf) {
        this(bigrams, titleWeight, minDf, Representation.WORDS, "", 0);
    }

    boolean usesWords() {
        return representation != Representation.EMBEDDING;
    }

    boolean usesEmbedding() {
        return representation != Representation.WORDS;
    }
}
