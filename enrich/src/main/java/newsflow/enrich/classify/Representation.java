package newsflow.enrich.classify;

/** What an item's feature vector is made of. */
public enum Representation {
    /** TF-IDF (or counts for naive Bayes) of words and bigrams. */
    WORDS,
    /** The article's sentence embedding only. */
    EMBEDDING,
    /** Both, concatenated: the unit-length word vector, then the embedding times {@code embeddingWeight}. */
    BOTH,
    /**
     * Both, as two linear models trained apart (words; the embedding times {@code embeddingWeight}) whose scores are
     * averaged: the words model's and the embedding model's probability (or squashed margin) count alike.
     */
    AVERAGED
}
