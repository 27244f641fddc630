package newsflow.enrich.classify;

import newsflow.enrich.embed.TextEmbedder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns texts into {@link SparseVector}s over a fixed vocabulary. {@code idf == null} gives raw counts (naive
 * Bayes); otherwise TF-IDF with sublinear term frequency, {@code (1 + ln tf) · idf}, scaled to unit length so long
 * and short articles weigh alike (logistic regression, SVM). With an embedder, the article's embedding (times
 * {@code embeddingWeight}) follows as features {@code vocabulary size …} in the same vector.
 */
final class Vectorizer {

    private final FeatureOptions options;
    private final Map<String, Integer> index;
    private final float[] idf;
    private final TextEmbedder embedder;

    /** @param embedder null when the options use words only */
    Vectorizer(FeatureOptions options, List<String> features, float[] idf, TextEmbedder embedder) {
        this.options = options;
        this.embedder = embedder;
        this.index = new HashMap<>(features.size() * 2);
        for (int i = 0; i < features.size(); i++) {
            index.put(features.get(i), i);
        }
        this.idf = idf;
    }

    TextEmbedder embedder() {
        return embedder;
    }

    int dimension() {
        return index.size() + (embedder == null ? 0 : embedder.dimension());
    }

    SparseVector vector(String title, String text) {
        Map<String, Integer> counts = options.usesWords() ? Features.counts(title, text, options) : Map.of();
        return vector(counts, embedder == null ? null : embedder.embed(title, text));
    }

    /** @param embedding the item's embedding, null without an embedder */
    SparseVector vector(Map<String, Integer> counts, float[] embedding) {
        SparseVector words = wordVector(counts);
        if (embedding == null) {
            return words;
        }
        int n = words.index().length;
        int[] idx = Arrays.copyOf(words.index(), n + embedding.length);
        float[] val = Arrays.copyOf(words.value(), n + embedding.length);
        float weight = (float) options.embeddingWeight();
        for (int d = 0; d < embedding.length; d++) {
            idx[n + d] = index.size() + d;
            val[n + d] = embedding[d] * weight;
        }
        return new SparseVector(idx, val);
    }

    private SparseVector wordVector(Map<String, Integer> counts) {
        List<int[]> kept = new ArrayList<>(counts.size());
        for (var e : counts.entrySet()) {
            Integer i = index.get(e.getKey());
            if (i != null) {
                kept.add(new int[]{i, e.getValue()});
            }
        }
        kept.sort((a, b) -> Integer.compare(a[0], b[0]));
        int[] idx = new int[kept.size()];
        float[] val = new float[kept.size()];
        double norm = 0;
        for (int k = 0; k < idx.length; k++) {
            idx[k] = kept.get(k)[0];
            int tf = kept.get(k)[1];
            val[k] = idf == null ? tf : (float) ((1 + Math.log(tf)) * idf[idx[k]]);
            norm += (double) val[k] * val[k];
        }
        if (idf != null && norm > 0) {
            float inv = (float) (1 / Math.sqrt(norm));
            for (int k = 0; k < val.length; k++) {
                val[k] *= inv;
            }
        }
        return new SparseVector(idx, val);
    }

    /** The vocabulary of a training set: features in at least {@code minDf} items, in a stable (sorted) order. */
    record Vocabulary(List<String> features, float[] idf) {
    }

    static Vocabulary vocabulary(List<Map<String, Integer>> docs, int minDf) {
        Map<String, Integer> df = new HashMap<>();
        for (Map<String, Integer> d : docs) {
            for (String f : d.keySet()) {
                df.merge(f, 1, Integer::sum);
            }
        }
        List<String> features = new ArrayList<>();
        df.forEach((f, n) -> {
            if (n >= minDf) {
                features.add(f);
            }
        });
        features.sort(null);
        float[] idf = new float[features.size()];
        for (int i = 0; i < idf.length; i++) {
            // smoothed, as if one extra item held every feature: never zero, never infinite
            idf[i] = (float) (Math.log((1.0 + docs.size()) / (1.0 + df.get(features.get(i)))) + 1);
        }
        return new Vocabulary(List.copyOf(features), idf);
    }
}
