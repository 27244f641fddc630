package newsflow.enrich.classify;

/** What an item's feature vector is made of. */
public enum Representation {
    /** TF-IDF (or counts for naive Bayes) of words and bigrams. */
    WORDS,
    /** The article's sentence embedding only. */
    EMBEDDING,
    /** Both, concatenated: the unit-length word vector, then the embedding times {@code embeddingWeight}. */
    BOTH
}
