package newsflow.enrich.topics;

import newsflow.enrich.classify.ClassifierException;
import newsflow.enrich.embed.EmbeddingException;
import newsflow.enrich.embed.Embedders;
import newsflow.enrich.taxonomy.HybridClassifier;

/**
 * The shipped default categories: IPTC Media Topics, the five the shipped model was trained on decided by it, the
 * others scored zero-shot with the quantized MiniLM embedder ({@link HybridClassifier}). Built once per process
 * (loading the models and embedding the 138 topic descriptions takes a few seconds), then shared by every tagger,
 * including those a configuration reload builds.
 */
final class DefaultTaxonomy {

    private static volatile HybridClassifier iptc;

    private DefaultTaxonomy() {
    }

    /** @throws ClassifierException when the embedding model or the shipped model cannot be loaded */
    static HybridClassifier iptc() {
        HybridClassifier c = iptc;
        if (c == null) {
            synchronized (DefaultTaxonomy.class) {
                c = iptc;
                if (c == null) {
                    try {
                        c = HybridClassifier.iptc(Embedders.named(Embedders.MINILM_Q));
                    } catch (EmbeddingException e) {
                        throw new ClassifierException("default IPTC taxonomy: " + e.getMessage(), e);
                    }
                    iptc = c;
                }
            }
        }
        return c;
    }
}
