package newsflow.enrich.topics;

import newsflow.enrich.classify.ClassifierException;
import newsflow.enrich.embed.EmbeddingException;
import newsflow.enrich.embed.Embedders;
import newsflow.enrich.taxonomy.ZeroShotClassifier;

/**
 * The shipped default categories: IPTC Media Topics scored zero-shot with the quantized MiniLM embedder. Built
 * once per process (loading the model and embedding the 138 topic descriptions takes a few seconds), then shared
 * by every tagger, including those a configuration reload builds.
 */
final class DefaultTaxonomy {

    private static volatile ZeroShotClassifier iptc;

    private DefaultTaxonomy() {
    }

    /** @throws ClassifierException when the embedding model cannot be loaded */
    static ZeroShotClassifier iptc() {
        ZeroShotClassifier c = iptc;
        if (c == null) {
            synchronized (DefaultTaxonomy.class) {
                c = iptc;
                if (c == null) {
                    try {
                        c = ZeroShotClassifier.iptc(Embedders.named(Embedders.MINILM_Q));
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
